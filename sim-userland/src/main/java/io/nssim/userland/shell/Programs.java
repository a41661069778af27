package io.nssim.userland.shell;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated PATH: {@code /usr/bin} and {@code /usr/sbin} hold exactly the programs nssim implements.
 * A name with a slash is looked up by its last component when it sits in one of the usual bin folders.
 */
public final class Programs {
    private static final List<String> BIN_DIRS = List.of("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/",
            "/usr/local/bin/", "/usr/local/sbin/");

    private final Map<String, Program> byName = new LinkedHashMap<>();

    public Programs(Supplier<Program> ip) {
        byName.put("ip", ip.get());
        byName.put("sleep", Programs::sleep);
        byName.put("true", (p, argv) -> Outcome.exit(0));
        byName.put("false", (p, argv) -> Outcome.exit(1));
        byName.put("echo", Programs::echo);
    }

    /** Installs {@code program} on the PATH as {@code name} (the simulator's own tools: {@code dmesg}). */
    public void register(String name, Program program) {
        byName.put(name, program);
    }

    /** The program {@code execvp(name)} would find. */
    public Optional<Program> lookup(String name) {
        if (name.contains("/")) {
            for (String d : BIN_DIRS) {
                if (name.startsWith(d) && name.indexOf('/', d.length()) < 0) {
                    return Optional.ofNullable(byName.get(name.substring(d.length())));
                }
            }
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(name));
    }

    /** The names on the PATH, for completion. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    static String basename(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** coreutils {@code sleep NUMBER[SUFFIX]...}: the sum of the intervals, in virtual time. */
    static Outcome sleep(Proc p, List<String> argv) {
        if (argv.size() < 2) {
            p.out().print("sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return Outcome.exit(1);
        }
        long nanos = 0;
        for (String a : argv.subList(1, argv.size())) {
            if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
                p.out().print("sleep: invalid option -- '" + a.charAt(1)
                        + "'\nTry 'sleep --help' for more information.\n");
                return Outcome.exit(1);
            }
        }
        for (String a : argv.subList(1, argv.size())) {
            if (a.equals("--")) {
                continue;
            }
            Optional<Long> n = parseInterval(a);
            if (n.isEmpty()) {
                p.out().print("sleep: invalid time interval " + quote(a)
                        + "\nTry 'sleep --help' for more information.\n");
                return Outcome.exit(1);
            }
            nanos = saturatedAdd(nanos, n.get());
        }
        if (nanos == Long.MAX_VALUE) {
            return new Outcome.Forever(() -> { });
        }
        return new Outcome.Sleep(Duration.ofNanos(nanos), () -> Outcome.exit(0));
    }

    /**
     * One coreutils interval ({@code sleep.c}): a C-locale {@code strtod} number (decimal, {@code 1e9},
     * hexadecimal {@code 0x10}, {@code inf}) followed by at most one suffix s, m, h or d; negative, NaN and
     * anything else is invalid. An overflowing number is infinite, as sleep accepts ERANGE. Infinite or too
     * long for a long of nanoseconds: {@code Long.MAX_VALUE}, a sleep that never ends.
     */
    static Optional<Long> parseInterval(String a) {
        int[] end = new int[1];
        java.util.OptionalDouble v = io.nssim.core.libc.Strtol.strtod(a, end);
        if (v.isEmpty() || !(v.getAsDouble() >= 0)) {
            return Optional.empty();
        }
        double secs = v.getAsDouble();
        String rest = a.substring(end[0]);
        if (rest.length() > 1) {
            return Optional.empty();
        }
        if (!rest.isEmpty()) {
            switch (rest.charAt(0)) {
                case 's' -> { }
                case 'm' -> secs *= 60;
                case 'h' -> secs *= 3600;
                case 'd' -> secs *= 86400;
                default -> {
                    return Optional.empty();
                }
            }
        }
        double nanos = secs * 1e9;
        return Optional.of(nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(nanos));
    }

    /**
     * coreutils' {@code quote(arg)} in the C locale (quotearg's locale_quoting_style): in single quotes, a
     * backslash or quote escaped with a backslash, and every byte that is not printable ASCII (each byte of a
     * UTF-8 character) as a three-digit octal escape: {@code '\331\241'} for U+0661.
     */
    static String quote(String arg) {
        StringBuilder sb = new StringBuilder("'");
        for (byte b : arg.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03o", c));
            }
        }
        return sb.append('\'').toString();
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 || a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : r;
    }

    /** bash's builtin {@code echo} and coreutils' {@code echo} agree on what the scenarios use: -n, -e, -E. */
    static Outcome echo(Proc p, List<String> argv) {
        p.out().print(echoText(argv.subList(1, argv.size())));
        return Outcome.exit(0);
    }

    /** The text {@code echo ARGS} writes. */
    public static String echoText(List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                if (c == 'n') {
                    newline = false;
                } else if (c == 'e') {
                    escapes = true;
                } else {
                    escapes = false;
                }
            }
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (int j = i; j < args.size(); j++) {
            if (j > i) {
                sb.append(' ');
            }
            if (escapes) {
                String s = args.get(j);
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (c == '\\' && k + 1 < s.length()) {
                        char d = s.charAt(++k);
                        switch (d) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case '\\' -> sb.append('\\');
                            case 'a' -> sb.append('\007');
                            case 'b' -> sb.append('\b');
                            case 'r' -> sb.append('\r');
                            case 'v' -> sb.append('\013');
                            case 'f' -> sb.append('\f');
                            case 'e' -> sb.append('\033');
                            case 'c' -> {
                                return sb.toString();
                            }
                            default -> sb.append('\\').append(d);
                        }
                    } else {
                        sb.append(c);
                    }
                }
            } else {
                sb.append(args.get(j));
            }
        }
        if (newline) {
            sb.append('\n');
        }
        return sb.toString();
    }
}
