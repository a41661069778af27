package io.nssim.inet.ipv4;

/** {@code enum rt_class_t}: the well-known routing table ids. */
public final class RtTable {
    public static final int UNSPEC = 0;
    public static final int DEFAULT = 253;
    public static final int MAIN = 254;
    public static final int LOCAL = 255;

    private RtTable() {
    }
}
