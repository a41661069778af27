package io.nssim.core.dev;

/** Device name rules of net/core/dev.c: {@code dev_valid_name} and {@code IFNAMSIZ}. */
public final class DevNames {
    /** {@code IFNAMSIZ}: names are at most 15 characters plus the terminating NUL. */
    public static final int IFNAMSIZ = 16;

    private DevNames() {
    }

    /** {@code dev_valid_name}: non-empty, shorter than IFNAMSIZ, not "." or "..", no '/', ':' or blank. */
    public static boolean isValid(String name) {
        if (name.isEmpty() || name.length() >= IFNAMSIZ || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** An altname may be longer than a name (up to ALTIFNAMSIZ) but has the same forbidden characters. */
    public static boolean isValidAltname(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
