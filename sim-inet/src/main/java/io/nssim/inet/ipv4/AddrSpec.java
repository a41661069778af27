package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A parsed {@code ip addr add|replace ADDR/LEN [peer P] [broadcast B] [scope S] [label L] [metric M]
 * [noprefixroute]}.
 *
 * @param local     the address
 * @param prefixLen 0..32 (the kernel refuses more)
 * @param peer      {@code peer P} ({@code IFA_ADDRESS}), or 0 for the local address itself
 * @param broadcast {@code broadcast B}, or 0 for none ({@code brd +} is computed by the caller)
 * @param scope     the scope, or -1 for iproute2's default (host for 127.0.0.0/8, else global)
 * @param label     {@code label L}, or null for the device name
 * @param flags     {@code IFA_F_*} asked for ({@link InIfaddr#F_NOPREFIXROUTE})
 * @param metric    {@code metric M} for the prefix route
 */
public record AddrSpec(int local, int prefixLen, int peer, int broadcast, int scope, String label, int flags,
                       int metric) {
    public AddrSpec {
        checkArgument(prefixLen >= 0, "prefix length %s", prefixLen);
    }

    /** {@code ip addr add LOCAL/LEN}. */
    public static AddrSpec of(int local, int prefixLen) {
        return new AddrSpec(local, prefixLen, 0, 0, -1, null, 0, 0);
    }

    public AddrSpec broadcast(int brd) {
        return new AddrSpec(local, prefixLen, peer, brd, scope, label, flags, metric);
    }

    /** {@code brd +}: the prefix's last address (none for /31 and /32). */
    public AddrSpec broadcastPlus() {
        int brd = prefixLen >= 31 ? 0 : (local | ~Ip4.mask(prefixLen));
        return broadcast(brd);
    }

    public AddrSpec scope(int s) {
        return new AddrSpec(local, prefixLen, peer, broadcast, s, label, flags, metric);
    }

    public AddrSpec label(String l) {
        return new AddrSpec(local, prefixLen, peer, broadcast, scope, l, flags, metric);
    }

    public AddrSpec peer(int p) {
        return new AddrSpec(local, prefixLen, p, broadcast, scope, label, flags, metric);
    }

    public AddrSpec metric(int m) {
        return new AddrSpec(local, prefixLen, peer, broadcast, scope, label, flags, m);
    }

    public AddrSpec noprefixroute() {
        return new AddrSpec(local, prefixLen, peer, broadcast, scope, label, flags | InIfaddr.F_NOPREFIXROUTE,
                metric);
    }

    int scopeOrDefault() {
        if (scope >= 0) {
            return scope;
        }
        return Ip4.isLoopback(local) ? RtScope.HOST : RtScope.UNIVERSE;
    }

    int address() {
        return peer != 0 ? peer : local;
    }
}
