package io.nssim.core.libc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * glibc's {@code strtoul}, {@code strtol} and {@code strtod} in the C locale, the one place every simulated
 * program parses numbers: only ASCII digits count (Java's {@code Character.digit} and {@code Integer.parseInt}
 * also accept Arabic-Indic, fullwidth and other digits, which the real tools refuse), with the C bases (0:
 * {@code 0x} hexadecimal, a leading {@code 0} octal, else decimal) and overflow rules ({@code ERANGE},
 * saturating). Leading C-locale white space and a sign are accepted as the C functions accept them.
 */
public final class Strtol {
    private Strtol() {
    }

    /** What one call parsed: the value, where parsing stopped ({@code *endptr}), and whether it overflowed. */
    public record Parse(long value, int end, boolean erange) {
        /** Whether some digits were read ({@code endptr != nptr}). */
        public boolean anyDigits() {
            return end > 0;
        }

        /** Whether the whole of {@code s} was one number ({@code endptr != nptr && *endptr == '\0'}). */
        public boolean whole(CharSequence s) {
            return end > 0 && end == s.length();
        }
    }

    /** {@code isspace} in the C locale. */
    public static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The value of ASCII digit or letter {@code c} in {@code radix} (2..36), or -1: never a non-ASCII digit. */
    public static int digit(char c, int radix) {
        int d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            d = c - 'A' + 10;
        } else {
            return -1;
        }
        return d < radix ? d : -1;
    }

    /** Whether {@code c} is an ASCII decimal digit ({@code isdigit} in the C locale). */
    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code s} is non-empty and all ASCII decimal digits. */
    public static boolean isDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code strtoul(s, &end, base)} for a 64-bit unsigned long, the result as a Java long holding the same bits:
     * {@code -1} is {@code ULONG_MAX}, as is an overflow (with {@code erange}); a minus sign negates the
     * (unsigned) value, so {@code "-1"} gives {@code ULONG_MAX} without ERANGE. No digits: value 0, end 0.
     */
    public static Parse strtoul(CharSequence s, int base) {
        return parse(s, base, false);
    }

    /** {@code strtol(s, &end, base)}: saturates at {@code LONG_MIN}/{@code LONG_MAX} with {@code erange}. */
    public static Parse strtol(CharSequence s, int base) {
        return parse(s, base, true);
    }

    private static Parse parse(CharSequence s, int base, boolean signed) {
        checkArgument(base == 0 || (base >= 2 && base <= 36), "bad base: %s", base);
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if ((base == 0 || base == 16) && i + 1 < n && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            if (i + 2 < n && digit(s.charAt(i + 2), 16) >= 0) {
                i += 2;
                radix = 16;
            } else if (base == 0) {
                radix = 8; // "0x" without a hex digit: the "0" is the number, the end points at the "x"
            }
        } else if (base == 0) {
            radix = i < n && s.charAt(i) == '0' ? 8 : 10;
        }
        if (radix == 0) {
            radix = 16;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < n) {
            int d = digit(s.charAt(i), radix);
            if (d < 0) {
                break;
            }
            if (!overflow) {
                // v * radix + d as an unsigned 64-bit value: overflow once it no longer fits.
                long hi = Math.multiplyHigh(v, radix) + ((v >> 63) & radix);
                long lo = v * radix;
                long sum = lo + d;
                if (hi != 0 || Long.compareUnsigned(sum, lo) < 0) {
                    overflow = true;
                } else {
                    v = sum;
                }
            }
            i++;
        }
        if (i == start) {
            return new Parse(0, 0, false);
        }
        if (signed) {
            long limit = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            if (overflow || Long.compareUnsigned(v, negative ? 1L << 63 : Long.MAX_VALUE) > 0) {
                return new Parse(limit, i, true);
            }
            return new Parse(negative ? -v : v, i, false);
        }
        if (overflow) {
            return new Parse(-1L, i, true);
        }
        return new Parse(negative ? -v : v, i, false);
    }

    /**
     * A whole word as {@code strtoul(s, &end, base)} must read it and at most {@code max} (unsigned): empty when
     * the word is empty, has no digits, has anything after them, overflows, or exceeds {@code max}. A minus sign
     * wraps as in C, so {@code "-1"} exceeds every {@code max} below {@code ULONG_MAX}.
     */
    public static OptionalLong parseUnsigned(CharSequence s, int base, long max) {
        Parse p = strtoul(s, base);
        if (!p.whole(s) || p.erange() || Long.compareUnsigned(p.value(), max) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(p.value());
    }

    /** A whole word as {@code strtol(s, &end, base)} reads it, within {@code [min, max]}; else empty. */
    public static OptionalLong parseSigned(CharSequence s, int base, long min, long max) {
        Parse p = strtol(s, base);
        if (!p.whole(s) || p.erange() || p.value() < min || p.value() > max) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(p.value());
    }

    /**
     * {@code strtod} over the whole word in the C locale: decimal with an optional fraction and exponent,
     * hexadecimal ({@code 0x10}, {@code 0x1p4}), {@code inf}/{@code infinity} and {@code nan} (any case), after
     * optional white space and a sign. Overflow gives infinity, as {@code HUGE_VAL} with ERANGE. Returns the value
     * and how many characters a number took at the start of {@code s} ({@code end}); empty when none did.
     */
    public static OptionalDouble strtod(String s, int[] end) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int signAt = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        double sign = signAt < i && s.charAt(signAt) == '-' ? -1 : 1;
        String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.startsWith("infinity") || rest.startsWith("inf")) {
            end[0] = i + (rest.startsWith("infinity") ? 8 : 3);
            return OptionalDouble.of(sign * Double.POSITIVE_INFINITY);
        }
        if (rest.startsWith("nan")) {
            end[0] = i + 3;
            return OptionalDouble.of(Double.NaN);
        }
        boolean hex = rest.startsWith("0x") && rest.length() > 2
                && (digit(rest.charAt(2), 16) >= 0 || (rest.charAt(2) == '.' && rest.length() > 3
                && digit(rest.charAt(3), 16) >= 0));
        int radix = hex ? 16 : 10;
        int j = hex ? i + 2 : i;
        int digitsStart = j;
        int mantissaDigits = 0;
        while (j < n && digit(s.charAt(j), radix) >= 0) {
            j++;
            mantissaDigits++;
        }
        if (j < n && s.charAt(j) == '.') {
            j++;
            while (j < n && digit(s.charAt(j), radix) >= 0) {
                j++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return OptionalDouble.empty();
        }
        int mantissaEnd = j;
        char expChar = hex ? 'p' : 'e';
        if (j < n && Character.toLowerCase(s.charAt(j)) == expChar) {
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int expDigits = k;
            while (k < n && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                k++;
            }
            if (k > expDigits) {
                j = k;
            }
        }
        end[0] = j;
        String num = s.substring(digitsStart, j);
        double v;
        if (hex) {
            String mant = s.substring(digitsStart, mantissaEnd);
            String exp = j > mantissaEnd ? s.substring(mantissaEnd + 1, j) : "0";
            v = Double.parseDouble("0x" + (mant.startsWith(".") ? "0" + mant : mant) + "p" + exp);
        } else {
            v = Double.parseDouble(num); // only ASCII digits, '.', 'e' and a sign were taken
        }
        return OptionalDouble.of(sign * v);
    }
}
