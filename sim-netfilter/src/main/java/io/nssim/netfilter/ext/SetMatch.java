package io.nssim.netfilter.ext;

import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/**
 * The set match ({@code xt_set}, revision 4 as iptables 1.8.9 writes it): the packet's source or destination
 * address in an ipset set, negatable. The flags name one direction per set dimension ({@code src,dst}); the
 * hash:ip and hash:net sets have one dimension, so the first flag decides.
 *
 * @param dirs the flags as given ("src", "dst,src"): true for src
 */
public record SetMatch(IpSet set, com.google.common.collect.ImmutableList<Boolean> dirs, boolean invert)
        implements XtMatch {
    @Override
    public String name() {
        return "set";
    }

    @Override
    public boolean matches(PacketContext p) {
        int addr = dirs.get(0) ? p.saddr : p.daddr;
        return set.test(addr) != invert;
    }

    private String flags() {
        StringBuilder sb = new StringBuilder();
        for (boolean src : dirs) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(src ? "src" : "dst");
        }
        return sb.toString();
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(invert ? " ! match-set " : " match-set ").append(set.name()).append(' ').append(flags());
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " ! --match-set " : " --match-set ").append(set.name()).append(' ').append(flags());
    }

    @Override
    public IpSet set() {
        return set;
    }
}
