package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.dev.NetDevice;
import java.util.Objects;

/**
 * The fixed part of a rule ({@code struct ipt_ip}): source and destination address under mask, input and
 * output interface (a trailing {@code +} is a prefix wildcard), the layer 4 protocol (0: any), the
 * second-fragment flag, and which of them are negated. {@link #matches} is {@code ip_packet_match}.
 */
public final class IpHeader {
    /** {@code IPT_INV_VIA_IN}. */
    public static final int INV_VIA_IN = 0x01;
    /** {@code IPT_INV_VIA_OUT}. */
    public static final int INV_VIA_OUT = 0x02;
    /** {@code IPT_INV_SRCIP}. */
    public static final int INV_SRCIP = 0x08;
    /** {@code IPT_INV_DSTIP}. */
    public static final int INV_DSTIP = 0x10;
    /** {@code IPT_INV_FRAG}. */
    public static final int INV_FRAG = 0x20;
    /** {@code XT_INV_PROTO}. */
    public static final int INV_PROTO = 0x40;

    /** Matches every packet. */
    public static final IpHeader ANY = new IpHeader(0, 0, 0, 0, "", "", 0, false, 0);

    private final int src;
    private final int srcMask;
    private final int dst;
    private final int dstMask;
    private final String inIface;
    private final String outIface;
    private final int proto;
    private final boolean fragment;
    private final int inv;
    // precomputed interface matching: the name without '+', and whether it is a prefix
    private final String inName;
    private final boolean inPrefix;
    private final String outName;
    private final boolean outPrefix;

    public IpHeader(int src, int srcMask, int dst, int dstMask, String inIface, String outIface, int proto,
                    boolean fragment, int inv) {
        checkArgument(proto >= 0 && proto <= 255, "protocol %s", proto);
        this.src = src & srcMask;
        this.srcMask = srcMask;
        this.dst = dst & dstMask;
        this.dstMask = dstMask;
        this.inIface = checkNotNull(inIface, "inIface");
        this.outIface = checkNotNull(outIface, "outIface");
        this.proto = proto;
        this.fragment = fragment;
        this.inv = inv;
        this.inPrefix = inIface.endsWith("+");
        this.inName = inPrefix ? inIface.substring(0, inIface.length() - 1) : inIface;
        this.outPrefix = outIface.endsWith("+");
        this.outName = outPrefix ? outIface.substring(0, outIface.length() - 1) : outIface;
    }

    public int src() {
        return src;
    }

    public int srcMask() {
        return srcMask;
    }

    public int dst() {
        return dst;
    }

    public int dstMask() {
        return dstMask;
    }

    /** The input interface as given ("eth+"), or "" for any. */
    public String inIface() {
        return inIface;
    }

    public String outIface() {
        return outIface;
    }

    public int proto() {
        return proto;
    }

    public boolean fragment() {
        return fragment;
    }

    public int inv() {
        return inv;
    }

    public boolean inverted(int flag) {
        return (inv & flag) != 0;
    }

    /** {@code ip_packet_match}: allocation-free. */
    public boolean matches(PacketContext p) {
        if ((((p.saddr & srcMask) != src)) != ((inv & INV_SRCIP) != 0)) {
            return false;
        }
        if ((((p.daddr & dstMask) != dst)) != ((inv & INV_DSTIP) != 0)) {
            return false;
        }
        if (!inIface.isEmpty() && ifaceMatches(inName, inPrefix, p.in) == ((inv & INV_VIA_IN) != 0)) {
            return false;
        }
        if (!outIface.isEmpty() && ifaceMatches(outName, outPrefix, p.out) == ((inv & INV_VIA_OUT) != 0)) {
            return false;
        }
        if (proto != 0 && ((p.proto != proto) != ((inv & INV_PROTO) != 0))) {
            return false;
        }
        if (fragment && ((p.fragOffset == 0) != ((inv & INV_FRAG) != 0))) {
            return false;
        }
        return true;
    }

    /** {@code ifname_compare_aligned}: a missing device has the empty name. */
    static boolean ifaceMatches(String name, boolean prefix, NetDevice dev) {
        String devName = dev == null ? "" : dev.name();
        return prefix ? devName.startsWith(name) : devName.equals(name);
    }

    /** The same header with another protocol. */
    public IpHeader withSrc(int addr, int mask) {
        return new IpHeader(addr, mask, dst, dstMask, inIface, outIface, proto, fragment, inv);
    }

    public IpHeader withDst(int addr, int mask) {
        return new IpHeader(src, srcMask, addr, mask, inIface, outIface, proto, fragment, inv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpHeader h && src == h.src && srcMask == h.srcMask && dst == h.dst
                && dstMask == h.dstMask && inIface.equals(h.inIface) && outIface.equals(h.outIface)
                && proto == h.proto && fragment == h.fragment && inv == h.inv;
    }

    @Override
    public int hashCode() {
        return Objects.hash(src, srcMask, dst, dstMask, inIface, outIface, proto, fragment, inv);
    }
}
