package io.nssim.userland.shell;

import java.util.ArrayList;
import java.util.List;

/** bash's {@code printf} builtin (printf.def): the format reused until the arguments run out. */
final class Printf {
    private Printf() {
    }

    static int builtin(Shell sh, Proc p, List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        String var = null;
        if (args.size() >= 2 && args.get(0).equals("-v")) {
            var = args.get(1);
            args = args.subList(2, args.size());
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            sh.err("printf: usage: printf [-v var] format [arguments]");
            return 2;
        }
        StringBuilder out = new StringBuilder();
        int[] status = {0};
        String format = args.get(0);
        List<String> rest = args.subList(1, args.size());
        int used = 0;
        do {
            int before = used;
            used = format(sh, format, rest, used, out, status);
            if (used == before) {
                break;
            }
        } while (used < rest.size() && used >= 0);
        if (var != null) {
            sh.setVar(var, out.toString(), false);
        } else {
            p.out().print(out.toString());
        }
        return status[0];
    }

    /** One pass over the format from argument {@code k}; returns the next argument index (-1: stop). */
    private static int format(Shell sh, String f, List<String> args, int k, StringBuilder out, int[] status) {
        int i = 0;
        int n = f.length();
        while (i < n) {
            char c = f.charAt(i);
            if (c == '\\') {
                i = escape(f, i, out);
                continue;
            }
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && f.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int j = i + 1;
            StringBuilder spec = new StringBuilder("%");
            while (j < n && "-+ #0".indexOf(f.charAt(j)) >= 0) {
                spec.append(f.charAt(j++));
            }
            while (j < n && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '*')) {
                if (f.charAt(j) == '*') {
                    spec.append(k < args.size() ? toLong(sh, args.get(k++), status) : 0);
                    j++;
                } else {
                    spec.append(f.charAt(j++));
                }
            }
            if (j < n && f.charAt(j) == '.') {
                spec.append(f.charAt(j++));
                while (j < n && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '*')) {
                    if (f.charAt(j) == '*') {
                        spec.append(k < args.size() ? toLong(sh, args.get(k++), status) : 0);
                        j++;
                    } else {
                        spec.append(f.charAt(j++));
                    }
                }
            }
            while (j < n && "hlLjzt".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            if (j >= n) {
                out.append(f, i, n);
                return -1;
            }
            char conv = f.charAt(j);
            String arg = k < args.size() ? args.get(k) : null;
            if ("sbqcdiouxXeEfgGaA".indexOf(conv) >= 0) {
                k++;
            }
            String a = arg == null ? "" : arg;
            switch (conv) {
                case 's' -> out.append(String.format(spec + "s", a));
                case 'b' -> {
                    StringBuilder b = new StringBuilder();
                    for (int q = 0; q < a.length(); ) {
                        if (a.charAt(q) == '\\') {
                            if (a.startsWith("\\c", q)) {
                                out.append(String.format(spec + "s", b));
                                return -1;
                            }
                            q = escape(a, q, b);
                        } else {
                            b.append(a.charAt(q++));
                        }
                    }
                    out.append(String.format(spec + "s", b));
                }
                case 'q' -> out.append(String.format(spec + "s", Builtins.quoteValue(a).equals(a) && !a.isEmpty()
                        ? a : a.isEmpty() ? "''" : quoteQ(a)));
                case 'c' -> out.append(String.format(spec + "s", a.isEmpty() ? "" : a.substring(0, 1)));
                case 'd', 'i' -> out.append(String.format(spec + "d", toLong(sh, arg, status)));
                case 'u' -> out.append(String.format(spec + "d", toLong(sh, arg, status)));
                case 'o' -> out.append(String.format(spec + "o", toLong(sh, arg, status)));
                case 'x' -> out.append(String.format(spec + "x", toLong(sh, arg, status)));
                case 'X' -> out.append(String.format(spec + "X", toLong(sh, arg, status)));
                case 'e', 'E', 'f', 'g', 'G', 'a', 'A' -> {
                    double d;
                    try {
                        d = arg == null || arg.isEmpty() ? 0 : Double.parseDouble(arg);
                    } catch (NumberFormatException e) {
                        sh.err("printf: " + arg + ": invalid number");
                        status[0] = 1;
                        d = 0;
                    }
                    char cv = conv == 'F' ? 'f' : conv;
                    out.append(String.format(java.util.Locale.ROOT, spec.toString() + cv, d));
                }
                default -> {
                    sh.err("printf: `" + conv + "': invalid format character");
                    status[0] = 1;
                    return -1;
                }
            }
            i = j + 1;
        }
        return k;
    }

    private static String quoteQ(String a) {
        StringBuilder b = new StringBuilder();
        for (char c : a.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && "_./:,+%@=-".indexOf(c) < 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static long toLong(Shell sh, String arg, int[] status) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        String t = arg.strip();
        if ((t.startsWith("'") || t.startsWith("\"")) && t.length() >= 2) {
            return t.charAt(1);
        }
        try {
            if (t.matches("[-+]?0[xX][0-9a-fA-F]+")) {
                boolean neg = t.startsWith("-");
                long v = Long.parseUnsignedLong(t.replaceFirst("^[-+]?0[xX]", ""), 16);
                return neg ? -v : v;
            }
            if (t.matches("[-+]?0[0-7]+")) {
                return Long.parseLong(t, 8);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            sh.err("printf: " + arg + ": invalid number");
            status[0] = 1;
            String digits = t.replaceFirst("^([-+]?[0-9]*).*$", "$1");
            try {
                return digits.isEmpty() || digits.equals("-") || digits.equals("+") ? 0 : Long.parseLong(digits);
            } catch (NumberFormatException e2) {
                return 0;
            }
        }
    }

    /** A backslash escape at {@code i} (printf's and echo -e's set); returns the index after it. */
    private static int escape(String f, int i, StringBuilder out) {
        if (i + 1 >= f.length()) {
            out.append('\\');
            return i + 1;
        }
        char d = f.charAt(i + 1);
        switch (d) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\013');
            case 'e', 'E' -> out.append('\033');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case 'x' -> {
                int j = i + 2;
                while (j < f.length() && j < i + 4 && Character.digit(f.charAt(j), 16) >= 0) {
                    j++;
                }
                if (j == i + 2) {
                    out.append("\\x");
                    return i + 2;
                }
                out.append((char) Integer.parseInt(f.substring(i + 2, j), 16));
                return j;
            }
            default -> {
                if (d >= '0' && d <= '7') {
                    int j = i + 1;
                    if (d == '0') {
                        j++;
                    }
                    int start = j;
                    while (j < f.length() && j < start + 3 && f.charAt(j) >= '0' && f.charAt(j) <= '7') {
                        j++;
                    }
                    out.append((char) (start == j ? 0 : Integer.parseInt(f.substring(start, j), 8) & 0xFF));
                    return j;
                }
                out.append('\\').append(d);
            }
        }
        return i + 2;
    }
}
