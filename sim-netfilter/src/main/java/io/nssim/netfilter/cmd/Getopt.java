package io.nssim.netfilter.cmd;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code getopt_long} as iptables drives it: an optstring starting with {@code "-:"} (non-options come
 * back in order as code 1; a missing argument is reported as ':'), short options that cluster, long options
 * with unique-prefix abbreviation and {@code --name=value}, optional arguments only when attached. The option
 * table can grow while parsing (extensions add theirs once loaded); {@link #optind} may be moved back.
 */
final class Getopt {
    /** How an option takes an argument. */
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** A long option ({@code struct option}); {@code code} is what {@link #next} answers for it. */
    record Opt(String name, Arg arg, int code) {
    }

    static final int NON_OPTION = 1;
    static final int MISSING = ':';
    static final int UNKNOWN = '?';
    static final int END = -1;

    private final List<String> argv;
    private final String shortOpts;
    private final List<Opt> longOpts = new ArrayList<>();
    /** Index of the next element of argv to look at (argv[0] is the program). */
    int optind = 1;
    String optarg;
    /** The offending short option for UNKNOWN/MISSING, or 0 for a long one. */
    char optopt;
    private int nextChar;

    Getopt(List<String> argv, String shortOpts, List<Opt> longOpts) {
        this.argv = argv;
        this.shortOpts = shortOpts;
        this.longOpts.addAll(longOpts);
    }

    void addLong(List<Opt> more) {
        longOpts.addAll(more);
    }

    int argc() {
        return argv.size();
    }

    String arg(int i) {
        return argv.get(i);
    }

    /** The next option's code; sets {@link #optarg}. */
    int next() {
        optarg = null;
        optopt = 0;
        if (nextChar == 0) {
            if (optind >= argv.size()) {
                return END;
            }
            String a = argv.get(optind);
            if (a.equals("--")) {
                optind++;
                return END;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                optarg = a;
                optind++;
                return NON_OPTION;
            }
            if (a.startsWith("--")) {
                return longOption(a);
            }
            nextChar = 1;
        }
        String a = argv.get(optind);
        char c = a.charAt(nextChar++);
        int at = shortOpts.indexOf(c);
        boolean last = nextChar >= a.length();
        if (at < 0 || c == ':' || c == '-') {
            optopt = c;
            if (last) {
                nextChar = 0;
                optind++;
            }
            return UNKNOWN;
        }
        boolean takes = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
        boolean optional = takes && at + 2 < shortOpts.length() && shortOpts.charAt(at + 2) == ':';
        if (!takes) {
            if (last) {
                nextChar = 0;
                optind++;
            }
            return c;
        }
        if (!last) {
            optarg = a.substring(nextChar);
            nextChar = 0;
            optind++;
            return c;
        }
        nextChar = 0;
        optind++;
        if (optional) {
            return c;
        }
        if (optind >= argv.size()) {
            optopt = c;
            return MISSING;
        }
        optarg = argv.get(optind++);
        return c;
    }

    private int longOption(String a) {
        String body = a.substring(2);
        String value = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
            value = body.substring(eq + 1);
            body = body.substring(0, eq);
        }
        optind++;
        Opt found = null;
        boolean ambiguous = false;
        for (Opt o : longOpts) {
            if (o.name().equals(body)) {
                found = o;
                ambiguous = false;
                break;
            }
            if (o.name().startsWith(body)) {
                if (found == null) {
                    found = o;
                } else if (found.code() != o.code()) {
                    ambiguous = true;
                }
            }
        }
        if (found == null || ambiguous) {
            return UNKNOWN;
        }
        switch (found.arg()) {
            case NONE -> {
                if (value != null) {
                    return UNKNOWN;
                }
            }
            case REQUIRED -> {
                if (value != null) {
                    optarg = value;
                } else if (optind < argv.size()) {
                    optarg = argv.get(optind++);
                } else {
                    return MISSING;
                }
            }
            case OPTIONAL -> optarg = value;
        }
        return found.code();
    }
}
