package io.nssim.netfilter.ipset;

import com.google.common.collect.ImmutableList;
import io.nssim.netfilter.xt.Ipv4Text;

/** {@code hash:ip}: single addresses; adding a network adds each address in it. */
public final class HashIpSet extends IpSet {
    public HashIpSet(String name, int hashsize, int maxelem, int initval) {
        super(name, hashsize, maxelem, initval);
    }

    @Override
    public String typeName() {
        return "hash:ip";
    }

    @Override
    public int revision() {
        return 6;
    }

    private static long key(int addr) {
        return addr & 0xFFFF_FFFFL;
    }

    @Override
    public boolean test(int addr) {
        return hash.contains(key(addr));
    }

    @Override
    public boolean testElement(int addr, int cidr) {
        return cidr == 32 && test(addr);
    }

    /**
     * Adds {@code addr/cidr} address by address; stops at the first one already there (EXISTS, unless
     * {@code exist}) or when the set is full.
     */
    public synchronized Outcome add(int addr, int cidr, boolean exist) {
        int mask = cidr == 0 ? 0 : -1 << (32 - cidr);
        long first = (addr & mask) & 0xFFFF_FFFFL;
        long last = first | (~mask & 0xFFFF_FFFFL);
        for (long a = first; a <= last; a++) {
            if (hash.contains(a)) {
                if (!exist) {
                    return Outcome.EXISTS;
                }
                continue;
            }
            if (order.size() >= maxelem()) {
                return Outcome.FULL;
            }
            hash.add(a);
            order.add(a);
        }
        return Outcome.OK;
    }

    /** Deletes {@code addr/cidr} address by address; stops at the first one missing (unless {@code exist}). */
    public synchronized Outcome del(int addr, int cidr, boolean exist) {
        int mask = cidr == 0 ? 0 : -1 << (32 - cidr);
        long first = (addr & mask) & 0xFFFF_FFFFL;
        long last = first | (~mask & 0xFFFF_FFFFL);
        for (long a = first; a <= last; a++) {
            if (!hash.remove(a)) {
                if (!exist) {
                    return Outcome.MISSING;
                }
                continue;
            }
            order.remove(a);
        }
        return Outcome.OK;
    }

    @Override
    public synchronized ImmutableList<String> members() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (long k : order) {
            b.add(Ipv4Text.format((int) k));
        }
        return b.build();
    }

    @Override
    int baseSize() {
        return 216;
    }

    @Override
    int elementSize() {
        return 40;
    }
}
