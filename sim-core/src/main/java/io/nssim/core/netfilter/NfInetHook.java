package io.nssim.core.netfilter;

/** {@code enum nf_inet_hooks}: where on the IPv4 path hooks run; the number is the kernel's. */
public enum NfInetHook {
    /** After a received packet passed the header checks, before routing ({@code ip_rcv}). */
    PRE_ROUTING(0),
    /** Routed to this host, before the protocol sees it ({@code ip_local_deliver}). */
    LOCAL_IN(1),
    /** Routed elsewhere, before it leaves ({@code ip_forward}). */
    FORWARD(2),
    /** Generated here, after routing ({@code __ip_local_out}). */
    LOCAL_OUT(3),
    /** About to leave through a device, forwarded or local ({@code ip_output}). */
    POST_ROUTING(4);

    private final int number;

    NfInetHook(int number) {
        this.number = number;
    }

    /** {@code NF_INET_*}. */
    public int number() {
        return number;
    }
}
