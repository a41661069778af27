package io.nssim.inet.ipv4;

/** {@code enum rt_scope_t}: how far a route or address reaches. Wider scopes have smaller numbers. */
public final class RtScope {
    public static final int UNIVERSE = 0;
    public static final int SITE = 200;
    public static final int LINK = 253;
    public static final int HOST = 254;
    public static final int NOWHERE = 255;

    private RtScope() {
    }

    /** iproute2's name for a scope ({@code rtnl_rtscope_n2a}): global, site, link, host, nowhere, or the number. */
    public static String name(int scope) {
        return switch (scope) {
            case UNIVERSE -> "global";
            case SITE -> "site";
            case LINK -> "link";
            case HOST -> "host";
            case NOWHERE -> "nowhere";
            default -> Integer.toString(scope);
        };
    }
}
