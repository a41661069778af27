package io.nssim.inet.ipv4;

/** {@code RTPROT_*}: who installed a route. iproute2 installs {@link #BOOT} unless told otherwise. */
public final class RtProto {
    public static final int UNSPEC = 0;
    public static final int REDIRECT = 1;
    /** Routes the kernel makes for addresses ({@code fib_magic}). */
    public static final int KERNEL = 2;
    public static final int BOOT = 3;
    public static final int STATIC = 4;

    private RtProto() {
    }
}
