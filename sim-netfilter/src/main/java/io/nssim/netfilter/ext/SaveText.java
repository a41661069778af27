package io.nssim.netfilter.ext;

/** {@code xtables_save_string}: a value as iptables-save writes it, quoted and escaped when needed. */
public final class SaveText {
    private SaveText() {
    }

    private static boolean plain(char c) {
        return c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Appends a space and the value, bare if it is made of letters, digits, '-' and '_' only. */
    public static void quote(StringBuilder sb, String value) {
        sb.append(' ');
        boolean bare = !value.isEmpty();
        for (int i = 0; i < value.length() && bare; i++) {
            bare = plain(value.charAt(i));
        }
        if (bare) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
