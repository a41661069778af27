package io.nssim.userland.coreutils;

import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * coreutils {@code date [-u] [-d @SECONDS] [-R] [-I[TIMESPEC]] [+FORMAT]} on the virtual clock: the machine
 * boots at {@link #BOOT_EPOCH_SECONDS} (2026-01-01 00:00:00 UTC) and its time zone is UTC. Setting the clock
 * and {@code -d} with anything but {@code @SECONDS} are not supported.
 */
public final class Date implements Program {
    /** The wall-clock time at virtual time 0: 2026-01-01T00:00:00Z. */
    public static final long BOOT_EPOCH_SECONDS = 1_767_225_600L;

    /** The machine's wall clock now, in nanoseconds since the epoch. */
    public static long nowNanos(Proc proc) {
        return BOOT_EPOCH_SECONDS * 1_000_000_000L + proc.kernel().clock().nanoTime();
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "date", argv, "ud:RI::", Map.of("utc", Getopt.Long.flag("u"), "universal",
                Getopt.Long.flag("u"), "date", Getopt.Long.required("d"), "rfc-email", Getopt.Long.flag("R"),
                "iso-8601", new Getopt.Long("I", Getopt.Arg.OPTIONAL)));
        if (g == null) {
            return Outcome.exit(1);
        }
        long nanos = nowNanos(proc);
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "d" -> {
                    if (!o.arg().matches("@-?[0-9]{1,12}")) {
                        proc.err().print("date: invalid date " + Tool.shellQuote(o.arg()) + "\n");
                        return Outcome.exit(1);
                    }
                    nanos = Long.parseLong(o.arg().substring(1)) * 1_000_000_000L;
                }
                case "R" -> format = "%a, %d %b %Y %H:%M:%S %z";
                case "I" -> {
                    String spec = o.arg() == null ? "date" : o.arg();
                    format = switch (spec) {
                        case "date" -> "%Y-%m-%d";
                        case "hours" -> "%Y-%m-%dT%H%:z";
                        case "minutes" -> "%Y-%m-%dT%H:%M%:z";
                        case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
                        case "ns" -> "%Y-%m-%dT%H:%M:%S,%N%:z";
                        default -> null;
                    };
                    if (format == null) {
                        proc.err().print("date: invalid argument " + Tool.shellQuote(spec) + " for '--iso-8601'\n"
                                + "Valid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n"
                                + "  - 'ns'\n" + Tool.tryHelp("date"));
                        return Outcome.exit(1);
                    }
                }
                default -> {
                }
            }
        }
        for (String op : g.operands()) {
            if (op.startsWith("+")) {
                format = op.substring(1);
            } else {
                proc.err().print("nssim: date: setting the clock is not simulated\n");
                return Outcome.exit(1);
            }
        }
        proc.out().print(format(format, nanos) + "\n");
        return Outcome.exit(0);
    }

    /** strftime in the C locale and UTC, with GNU's %N and %:z. */
    static String format(String f, long epochNanos) {
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 >= f.length()) {
                sb.append(c);
                continue;
            }
            char d = f.charAt(++i);
            if (d == ':' && i + 1 < f.length() && f.charAt(i + 1) == 'z') {
                i++;
                sb.append("+00:00");
                continue;
            }
            switch (d) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> sb.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
                case 'm' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
                case 'd' -> sb.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
                case 'e' -> sb.append(String.format(Locale.ROOT, "%2d", t.getDayOfMonth()));
                case 'H' -> sb.append(String.format(Locale.ROOT, "%02d", t.getHour()));
                case 'I' -> sb.append(String.format(Locale.ROOT, "%02d", (t.getHour() + 11) % 12 + 1));
                case 'M' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
                case 'S' -> sb.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
                case 'N' -> sb.append(String.format(Locale.ROOT, "%09d", t.getNano()));
                case 's' -> sb.append(Math.floorDiv(epochNanos, 1_000_000_000L));
                case 'j' -> sb.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
                case 'B' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT));
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'Z' -> sb.append("UTC");
                case 'z' -> sb.append("+0000");
                case 'T' -> sb.append(format("%H:%M:%S", epochNanos));
                case 'F' -> sb.append(format("%Y-%m-%d", epochNanos));
                case 'D' -> sb.append(format("%m/%d/%y", epochNanos));
                case 'R' -> sb.append(format("%H:%M", epochNanos));
                case 'c' -> sb.append(format("%a %b %e %H:%M:%S %Y", epochNanos));
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }
}
