package io.nssim.core.netfilter;

/**
 * {@code enum nf_ip_hook_priorities} (include/uapi/linux/netfilter_ipv4.h): where in a hook's chain a
 * registration sits. Lower runs first; equal priorities run in registration order.
 */
public final class NfIpPriority {
    public static final int FIRST = Integer.MIN_VALUE;
    public static final int RAW_BEFORE_DEFRAG = -450;
    public static final int CONNTRACK_DEFRAG = -400;
    public static final int RAW = -300;
    public static final int SELINUX_FIRST = -225;
    public static final int CONNTRACK = -200;
    public static final int MANGLE = -150;
    public static final int NAT_DST = -100;
    public static final int FILTER = 0;
    public static final int SECURITY = 50;
    public static final int NAT_SRC = 100;
    public static final int SELINUX_LAST = 225;
    public static final int CONNTRACK_HELPER = 300;
    public static final int CONNTRACK_CONFIRM = Integer.MAX_VALUE;
    public static final int LAST = Integer.MAX_VALUE;

    private NfIpPriority() {
    }
}
