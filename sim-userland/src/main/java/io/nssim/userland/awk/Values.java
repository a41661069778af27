package io.nssim.userland.awk;

import java.util.Locale;

/** awk's values: numbers, strings and strnums (input that looks numeric), and C's number formatting. */
final class Values {
    private Values() {
    }

    /** A value: {@code str} may be null for a pure number; {@code strnum} marks numeric-looking input. */
    record V(double num, String str, boolean isNum, boolean strnum) {
        static final V EMPTY = new V(0, "", false, true); // uninitialized: both "" and 0

        static V num(double d) {
            return new V(d, null, true, false);
        }

        static V str(String s) {
            return new V(0, s, false, false);
        }

        /** Field or getline input: a strnum when it looks like a number. */
        static V input(String s) {
            if (looksNumeric(s)) {
                return new V(toNumber(s), s, false, true);
            }
            return new V(0, s, false, false);
        }
    }

    static boolean looksNumeric(String s) {
        return s.strip().matches("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    }

    /** {@code strtod} of the longest numeric prefix after blanks; 0 when there is none. */
    static double toNumber(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i == digits || (i == digits + 1 && s.charAt(digits) == '.')) {
            // "inf"/"nan" are not numbers in mawk's input either
            return 0;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i < n && Character.isDigit(s.charAt(i))) {
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            } else {
                i = save;
            }
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double num(V v) {
        if (v.isNum() || v.strnum()) {
            return v.str() == null || v.isNum() ? v.num() : v.num();
        }
        return toNumber(v.str());
    }

    /** The string of a value, numbers through CONVFMT (or OFMT for output): mawk prints integers below 2^31 as %d. */
    static String str(V v, String fmt) {
        if (v.str() != null) {
            return v.str();
        }
        return numberToString(v.num(), fmt);
    }

    static String numberToString(double d, String fmt) {
        if (d == Math.rint(d) && Math.abs(d) < 2147483648.0) {
            return Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return d < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Format.sprintf(fmt, new V[] {V.num(d)}, 0).text();
    }

    static boolean truth(V v) {
        if (v.isNum()) {
            return v.num() != 0;
        }
        if (v.strnum() && v.str() != null && looksNumeric(v.str())) {
            return v.num() != 0;
        }
        if (v == V.EMPTY) {
            return false;
        }
        return v.str() != null && !v.str().isEmpty();
    }

    /** awk's comparison: numeric when both are numbers or strnums, else as strings. */
    static int compare(V a, V b, String convfmt) {
        boolean an = a.isNum() || (a.strnum() && (a.str() == null || a.str().isEmpty() && a == V.EMPTY
                || looksNumeric(a.str())));
        boolean bn = b.isNum() || (b.strnum() && (b.str() == null || b.str().isEmpty() && b == V.EMPTY
                || looksNumeric(b.str())));
        if (an && bn) {
            return Double.compare(num(a), num(b)) == 0 ? 0 : num(a) < num(b) ? -1 : 1;
        }
        return Integer.signum(str(a, convfmt).compareTo(str(b, convfmt)));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
