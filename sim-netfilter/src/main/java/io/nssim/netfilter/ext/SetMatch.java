package io.nssim.netfilter.ext;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;
import java.util.Objects;

/**
 * The set match ({@code xt_set}, revision 4 as iptables 1.8.9 writes it): the packet's source or destination
 * address in an ipset set, negatable. The flags name one direction per set dimension ({@code src,dst}); the
 * hash:ip and hash:net sets have one dimension, so the first flag decides (kept unboxed for the packet path).
 * A value: equal when set, flags and negation are.
 */
public final class SetMatch implements XtMatch {
    private final IpSet set;
    private final ImmutableList<Boolean> dirs;
    private final boolean invert;
    /** The first flag: test the source address. */
    private final boolean src;

    /** @param dirs the flags as given ("src", "dst,src"): true for src */
    public SetMatch(IpSet set, ImmutableList<Boolean> dirs, boolean invert) {
        this.set = checkNotNull(set, "set");
        this.dirs = checkNotNull(dirs, "dirs");
        checkArgument(!dirs.isEmpty(), "no direction flags");
        this.invert = invert;
        this.src = dirs.get(0);
    }

    public ImmutableList<Boolean> dirs() {
        return dirs;
    }

    public boolean invert() {
        return invert;
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public boolean matches(PacketContext p) {
        int addr = src ? p.saddr : p.daddr;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SetMatch m && set.equals(m.set) && dirs.equals(m.dirs) && invert == m.invert;
    }

    @Override
    public int hashCode() {
        return Objects.hash(set, dirs, invert);
    }

    @Override
    public String toString() {
        return "SetMatch[set=" + set + ", dirs=" + dirs + ", invert=" + invert + "]";
    }
}
