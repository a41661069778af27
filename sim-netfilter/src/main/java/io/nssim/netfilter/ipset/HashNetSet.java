package io.nssim.netfilter.ipset;

import com.google.common.collect.ImmutableList;
import io.nssim.netfilter.xt.Ipv4Text;

/**
 * {@code hash:net}: networks of prefix length 1 to 32. A lookup tries each prefix length present in the set,
 * longest first, as the kernel's {@code nets[]} array does: at most 32 probes of a hash whatever the size.
 */
public final class HashNetSet extends IpSet {
    /** Per prefix length, how many members have it. Guarded by this. */
    private final int[] cidrCount = new int[33];
    /** Prefix lengths present, longest first; republished on change. */
    private volatile int[] cidrs = new int[0];

    public HashNetSet(String name, int hashsize, int maxelem, int initval) {
        super(name, hashsize, maxelem, initval);
    }

    @Override
    public String typeName() {
        return "hash:net";
    }

    @Override
    public int revision() {
        return 7;
    }

    static int mask(int cidr) {
        return cidr == 0 ? 0 : -1 << (32 - cidr);
    }

    private static long key(int prefix, int cidr) {
        return ((long) cidr << 32) | (prefix & 0xFFFF_FFFFL);
    }

    @Override
    public boolean test(int addr) {
        int[] c = cidrs;
        for (int cidr : c) {
            if (hash.contains(key(addr & mask(cidr), cidr))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean testElement(int addr, int cidr) {
        return hash.contains(key(addr & mask(cidr), cidr));
    }

    public synchronized Outcome add(int addr, int cidr, boolean exist) {
        long k = key(addr & mask(cidr), cidr);
        if (hash.contains(k)) {
            return exist ? Outcome.OK : Outcome.EXISTS;
        }
        if (order.size() >= maxelem()) {
            return Outcome.FULL;
        }
        hash.add(k);
        order.add(k);
        if (cidrCount[cidr]++ == 0) {
            republish();
        }
        return Outcome.OK;
    }

    public synchronized Outcome del(int addr, int cidr, boolean exist) {
        long k = key(addr & mask(cidr), cidr);
        if (!hash.remove(k)) {
            return exist ? Outcome.OK : Outcome.MISSING;
        }
        order.remove(k);
        if (--cidrCount[cidr] == 0) {
            republish();
        }
        return Outcome.OK;
    }

    @Override
    public synchronized void flush() {
        super.flush();
        java.util.Arrays.fill(cidrCount, 0);
        republish();
    }

    private void republish() {
        int n = 0;
        for (int c : cidrCount) {
            if (c > 0) {
                n++;
            }
        }
        int[] a = new int[n];
        int j = 0;
        for (int c = 32; c >= 0; c--) {
            if (cidrCount[c] > 0) {
                a[j++] = c;
            }
        }
        cidrs = a;
    }

    @Override
    public synchronized ImmutableList<String> members() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (long k : order) {
            int cidr = (int) (k >>> 32);
            String a = Ipv4Text.format((int) k);
            b.add(cidr == 32 ? a : a + "/" + cidr);
        }
        return b.build();
    }

    @Override
    int baseSize() {
        return 456;
    }

    @Override
    int elementSize() {
        return 48;
    }
}
