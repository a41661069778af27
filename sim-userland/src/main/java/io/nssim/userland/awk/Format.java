package io.nssim.userland.awk;

import io.nssim.userland.awk.Values.V;
import java.math.BigDecimal;
import java.util.Locale;

/** C's printf as awk's {@code printf}/{@code sprintf} use it: flags, width, precision, {@code *}. */
final class Format {
    private Format() {
    }

    /** The formatted text, or {@code missing} true when there were fewer arguments than conversions. */
    record Out(String text, boolean missing) {
    }

    static Out sprintf(String fmt, V[] args, int first) {
        StringBuilder sb = new StringBuilder();
        int ai = first;
        boolean missing = false;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                sb.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            StringBuilder flags = new StringBuilder();
            while (j < fmt.length() && "-+ #0".indexOf(fmt.charAt(j)) >= 0) {
                flags.append(fmt.charAt(j++));
            }
            Integer width = null;
            if (j < fmt.length() && fmt.charAt(j) == '*') {
                if (ai < args.length) {
                    width = (int) Values.num(args[ai++]);
                } else {
                    missing = true;
                }
                j++;
            } else {
                int s = j;
                while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
                    j++;
                }
                if (j > s) {
                    width = Integer.parseInt(fmt.substring(s, Math.min(j, s + 6)));
                }
            }
            Integer prec = null;
            if (j < fmt.length() && fmt.charAt(j) == '.') {
                j++;
                if (j < fmt.length() && fmt.charAt(j) == '*') {
                    prec = ai < args.length ? (int) Values.num(args[ai++]) : 0;
                    j++;
                } else {
                    int s = j;
                    while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
                        j++;
                    }
                    prec = j > s ? Integer.parseInt(fmt.substring(s, Math.min(j, s + 6))) : 0;
                }
            }
            while (j < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(j)) >= 0) {
                j++;
            }
            if (j >= fmt.length()) {
                sb.append(fmt, i, fmt.length());
                break;
            }
            char conv = fmt.charAt(j);
            if ("diouxXcseEfFgG".indexOf(conv) < 0) {
                sb.append(fmt, i, j + 1);
                i = j;
                continue;
            }
            V arg;
            if (ai < args.length) {
                arg = args[ai++];
            } else {
                missing = true;
                arg = V.EMPTY;
            }
            if (width != null && width < 0) {
                flags.append('-');
                width = -width;
            }
            String body = convert(conv, flags.toString(), prec, arg);
            sb.append(pad(body, flags.toString(), width, conv));
            i = j;
        }
        return new Out(sb.toString(), missing);
    }

    private static String convert(char conv, String flags, Integer prec, V arg) {
        switch (conv) {
            case 's': {
                String s = Values.str(arg, "%.6g");
                return prec != null && prec < s.length() ? s.substring(0, prec) : s;
            }
            case 'c': {
                if (arg.isNum()) {
                    int code = (int) arg.num();
                    return String.valueOf((char) (code & 0xff));
                }
                String s = Values.str(arg, "%.6g");
                return s.isEmpty() ? "" : s.substring(0, 1);
            }
            case 'd':
            case 'i': {
                long v = clampInt(Values.num(arg));
                String digits = Long.toString(Math.abs(v));
                if (prec != null) {
                    digits = prec == 0 && v == 0 ? "" : zeroPad(digits, prec);
                }
                String sign = v < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
                return sign + digits;
            }
            case 'o':
            case 'u':
            case 'x':
            case 'X': {
                long v = clampInt(Values.num(arg));
                String digits = switch (conv) {
                    case 'o' -> Long.toOctalString(v);
                    case 'u' -> Long.toUnsignedString(v);
                    case 'x' -> Long.toHexString(v);
                    default -> Long.toHexString(v).toUpperCase(Locale.ROOT);
                };
                if (prec != null) {
                    digits = prec == 0 && v == 0 ? "" : zeroPad(digits, prec);
                }
                if (flags.contains("#") && v != 0) {
                    digits = (conv == 'o' ? "0" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "") + digits;
                }
                return digits;
            }
            default: {
                double d = Values.num(arg);
                int p = prec == null ? 6 : prec;
                String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : flags.contains("+") ? "+"
                        : flags.contains(" ") ? " " : "";
                double a = Math.abs(d);
                if (Double.isInfinite(a)) {
                    return sign + (Character.isUpperCase(conv) ? "INF" : "inf");
                }
                if (Double.isNaN(a)) {
                    return sign + (Character.isUpperCase(conv) ? "NAN" : "nan");
                }
                String body = switch (Character.toLowerCase(conv)) {
                    case 'f' -> fixed(a, p);
                    case 'e' -> exp(a, p);
                    default -> general(a, p, flags.contains("#"));
                };
                return sign + (Character.isUpperCase(conv) ? body.toUpperCase(Locale.ROOT) : body);
            }
        }
    }

    private static long clampInt(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        // mawk converts through a C int for %d: values beyond it saturate
        if (d >= 2147483647.0) {
            return 2147483647L;
        }
        if (d <= -2147483647.0) {
            return -2147483647L;
        }
        return (long) d;
    }

    private static String zeroPad(String digits, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = digits.length(); k < n; k++) {
            sb.append('0');
        }
        return sb + digits;
    }

    static String fixed(double a, int p) {
        return new BigDecimal(a).setScale(p, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    static String exp(double a, int p) {
        String s = String.format(Locale.ROOT, "%." + p + "e", a);
        return s;
    }

    /** C's %g: %e or %f by the exponent, trailing zeros removed unless {@code #}. */
    static String general(double a, int p, boolean alt) {
        int P = p == 0 ? 1 : p;
        if (a == 0) {
            return alt ? fixed(0, P - 1) : "0";
        }
        String e = String.format(Locale.ROOT, "%." + (P - 1) + "e", a);
        int x = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        String s;
        if (P > x && x >= -4) {
            s = fixed(a, P - 1 - x);
        } else {
            s = e;
        }
        if (!alt) {
            int ePos = s.indexOf('e');
            String mant = ePos < 0 ? s : s.substring(0, ePos);
            String tail = ePos < 0 ? "" : s.substring(ePos);
            if (mant.contains(".")) {
                mant = mant.replaceAll("0+$", "");
                if (mant.endsWith(".")) {
                    mant = mant.substring(0, mant.length() - 1);
                }
            }
            s = mant + tail;
        }
        return s;
    }

    private static String pad(String body, String flags, Integer width, char conv) {
        if (width == null || body.length() >= width) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        int n = width - body.length();
        if (flags.contains("-")) {
            sb.append(body);
            sb.append(" ".repeat(n));
            return sb.toString();
        }
        if (flags.contains("0") && "sc".indexOf(conv) < 0) {
            int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
            if (body.startsWith("0x") || body.startsWith("0X")) {
                signLen = 2;
            }
            return body.substring(0, signLen) + "0".repeat(n) + body.substring(signLen);
        }
        return " ".repeat(n) + body;
    }
}
