package io.nssim.netfilter.ext;

import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.FibRoute;
import io.nssim.inet.ipv4.InDevice;
import io.nssim.inet.ipv4.InIfaddr;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.netfilter.conntrack.CtRef;
import io.nssim.netfilter.conntrack.NatRange;
import io.nssim.netfilter.conntrack.NfConn;
import io.nssim.netfilter.conntrack.NfNat;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtTarget;

/**
 * SNAT, DNAT and MASQUERADE ({@code xt_nat}, {@code xt_MASQUERADE}): bind a new connection's source or
 * destination to the range; MASQUERADE takes the address the outgoing device would pick for the next hop
 * ({@code inet_select_addr}) and forgets the binding when the device goes down. nat table only: SNAT at
 * POSTROUTING and INPUT, DNAT at PREROUTING and OUTPUT, MASQUERADE at POSTROUTING.
 */
public record NatTarget(Kind kind, NatRange range) implements XtTarget {
    /** Which target. */
    public enum Kind { SNAT, DNAT, MASQUERADE }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public TableId table() {
        return TableId.NAT;
    }

    @Override
    public boolean usesConntrack() {
        return true;
    }

    @Override
    public int hooks() {
        return switch (kind) {
            case SNAT -> (1 << NfInetHook.POST_ROUTING.ordinal()) | (1 << NfInetHook.LOCAL_IN.ordinal());
            case DNAT -> (1 << NfInetHook.PRE_ROUTING.ordinal()) | (1 << NfInetHook.LOCAL_OUT.ordinal());
            case MASQUERADE -> 1 << NfInetHook.POST_ROUTING.ordinal();
        };
    }

    @Override
    public int target(PacketContext p) {
        CtRef r = p.ct();
        if (r == null || r.ct() == null) {
            return Verdicts.NF_ACCEPT;
        }
        NfConn ct = r.ct();
        if (kind != Kind.MASQUERADE) {
            return NfNat.setupInfo(p.nf.conntrack(), ct, range,
                    kind == Kind.SNAT ? NfNat.MANIP_SRC : NfNat.MANIP_DST);
        }
        if (ct.src(NfConn.DIR_ORIGINAL) == 0) {
            return Verdicts.NF_ACCEPT;
        }
        int nexthop = p.daddr;
        if (p.skb.dst() instanceof FibRoute rt && rt.gateway() != 0) {
            nexthop = rt.gateway();
        }
        int newsrc = selectAddr(p.out, nexthop);
        if (newsrc == 0) {
            String line = "nf_nat: " + (p.out == null ? "?" : p.out.name()) + " ate my IP address";
            io.nssim.core.Kernel k = p.nf.kernel();
            k.packet().runDeferred(() -> k.printk(line));
            return Verdicts.NF_DROP;
        }
        NfNat.setMasqIndex(ct, p.out.ifindex());
        return NfNat.setupInfo(p.nf.conntrack(), ct, range.withAddress(newsrc), NfNat.MANIP_SRC);
    }

    /**
     * {@code inet_select_addr(dev, dst, RT_SCOPE_UNIVERSE)}: the device's first primary global address on
     * the destination's subnet, else its first primary global address, else one of another device.
     */
    static int selectAddr(NetDevice dev, int dst) {
        if (dev == null) {
            return 0;
        }
        int first = 0;
        InDevice in = InDevice.of(dev);
        if (in != null) {
            for (InIfaddr ifa : in.addresses()) {
                if (ifa.isSecondary() || ifa.scope() > 0) {
                    continue;
                }
                if (ifa.matches(dst)) {
                    return ifa.local();
                }
                if (first == 0) {
                    first = ifa.local();
                }
            }
        }
        if (first != 0) {
            return first;
        }
        for (NetDevice d : dev.net().devices().list()) {
            InDevice i = InDevice.of(d);
            if (i == null) {
                continue;
            }
            for (InIfaddr ifa : i.addresses()) {
                if (!ifa.isSecondary() && ifa.scope() == 0) {
                    return ifa.local();
                }
            }
        }
        return 0;
    }

    private void appendRange(StringBuilder sb) {
        if (range.mapIps()) {
            sb.append(Ipv4Text.format(range.minIp()));
            if (range.maxIp() != range.minIp()) {
                sb.append('-').append(Ipv4Text.format(range.maxIp()));
            }
        }
        if (range.protoSpecified()) {
            sb.append(':').append(range.minPort());
            if (range.maxPort() != range.minPort()) {
                sb.append('-').append(range.maxPort());
            }
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        if (kind == Kind.MASQUERADE) {
            if (range.protoSpecified()) {
                sb.append(" masq ports: ").append(range.minPort());
                if (range.maxPort() != range.minPort()) {
                    sb.append('-').append(range.maxPort());
                }
            }
        } else {
            sb.append(" to:");
            appendRange(sb);
        }
        if (range.random()) {
            sb.append(" random");
        }
        if (range.persistent()) {
            sb.append(" persistent");
        }
    }

    @Override
    public void save(StringBuilder sb) {
        if (kind == Kind.MASQUERADE) {
            if (range.protoSpecified()) {
                sb.append(" --to-ports ").append(range.minPort());
                if (range.maxPort() != range.minPort()) {
                    sb.append('-').append(range.maxPort());
                }
            }
        } else {
            sb.append(kind == Kind.SNAT ? " --to-source " : " --to-destination ");
            appendRange(sb);
        }
        if (range.random()) {
            sb.append(" --random");
        }
        if (range.persistent()) {
            sb.append(" --persistent");
        }
    }
}
