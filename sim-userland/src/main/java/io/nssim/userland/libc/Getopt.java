package io.nssim.userland.libc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * glibc's {@code getopt_long}: short options clustered ({@code -ab}, {@code -nVALUE}, {@code -n VALUE}), long
 * options and their unambiguous prefixes ({@code --lines=5}, {@code --lines 5}), {@code --} ending the options,
 * and GNU's permutation (options may follow operands) unless the spec starts with {@code +} (stop at the first
 * operand, as {@code env}, {@code xargs} and {@code timeout} do). Errors are glibc's texts, without the
 * program's own "Try ..." line, which the caller adds.
 */
public final class Getopt {
    /** One parsed option: its short letter or long name as declared, and its argument (or null). */
    public record Opt(String name, String arg) {
        public boolean is(String n) {
            return name.equals(n);
        }
    }

    /** Whether a long option takes an argument. */
    public enum Arg {
        NONE, REQUIRED, OPTIONAL
    }

    private final List<Opt> opts = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();
    private String error;

    private Getopt() {
    }

    public List<Opt> opts() {
        return opts;
    }

    public List<String> operands() {
        return operands;
    }

    /** glibc's message ({@code PROG: invalid option -- 'x'}), or empty when parsing succeeded. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Parses {@code args} (without argv[0]). {@code shortSpec} is getopt's optstring ({@code "n:c:qv"}; a leading
     * {@code +} stops at the first operand); {@code longs} maps long names to the short letter or long name they
     * report as, with their argument kind.
     */
    public static Getopt parse(String prog, List<String> args, String shortSpec, Map<String, Long> longs) {
        Getopt g = new Getopt();
        boolean stopAtOperand = shortSpec.startsWith("+");
        String spec = stopAtOperand ? shortSpec.substring(1) : shortSpec;
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                g.operands.addAll(args.subList(i + 1, args.size()));
                return g;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                String name = body;
                String value = null;
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    name = body.substring(0, eq);
                    value = body.substring(eq + 1);
                }
                String match = null;
                List<String> candidates = new ArrayList<>();
                for (String l : longs.keySet()) {
                    if (l.equals(name)) {
                        match = l;
                        candidates.clear();
                        break;
                    }
                    if (l.startsWith(name)) {
                        candidates.add(l);
                    }
                }
                if (match == null && candidates.size() == 1) {
                    match = candidates.get(0);
                } else if (match == null && candidates.size() > 1) {
                    boolean same = candidates.stream().map(longs::get).distinct().count() == 1;
                    if (same) {
                        match = candidates.get(0);
                    } else {
                        StringBuilder sb = new StringBuilder(prog + ": option '" + a + "' is ambiguous; possibilities:");
                        for (String c : candidates) {
                            sb.append(" '--").append(c).append("'");
                        }
                        g.error = sb.toString();
                        return g;
                    }
                }
                if (match == null) {
                    g.error = prog + ": unrecognized option '" + a + "'";
                    return g;
                }
                Long l = longs.get(match);
                if (l.arg() == Arg.NONE && value != null) {
                    g.error = prog + ": option '--" + match + "' doesn't allow an argument";
                    return g;
                }
                if (l.arg() == Arg.REQUIRED && value == null) {
                    if (i + 1 >= args.size()) {
                        g.error = prog + ": option '--" + match + "' requires an argument";
                        return g;
                    }
                    value = args.get(++i);
                }
                g.opts.add(new Opt(l.reportAs(), value));
                i++;
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    int at = spec.indexOf(c);
                    if (at < 0 || c == ':') {
                        g.error = prog + ": invalid option -- '" + c + "'";
                        return g;
                    }
                    boolean takes = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
                    boolean optional = takes && at + 2 < spec.length() && spec.charAt(at + 2) == ':';
                    if (!takes) {
                        g.opts.add(new Opt(String.valueOf(c), null));
                        continue;
                    }
                    String value;
                    if (k + 1 < a.length()) {
                        value = a.substring(k + 1);
                    } else if (optional) {
                        value = null;
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        g.error = prog + ": option requires an argument -- '" + c + "'";
                        return g;
                    }
                    g.opts.add(new Opt(String.valueOf(c), value));
                    break;
                }
                i++;
                continue;
            }
            if (stopAtOperand) {
                g.operands.addAll(args.subList(i, args.size()));
                return g;
            }
            g.operands.add(a);
            i++;
        }
        return g;
    }

    /** A long option: the name it reports as and whether it takes an argument. */
    public record Long(String reportAs, Arg arg) {
        public static Long flag(String reportAs) {
            return new Long(reportAs, Arg.NONE);
        }

        public static Long required(String reportAs) {
            return new Long(reportAs, Arg.REQUIRED);
        }
    }
}
