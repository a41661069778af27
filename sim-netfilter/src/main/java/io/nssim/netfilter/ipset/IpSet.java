package io.nssim.netfilter.ipset;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One ipset set ({@code struct ip_set}) of type hash:ip or hash:net, family inet. Membership tests
 * ({@link #test}) run on the packet path in constant time without locking or allocating; changes are
 * serialised by the set's monitor. The set keeps its members in the order they were added for listing.
 */
public abstract class IpSet {
    private volatile String name;
    private final int hashsize;
    private final int maxelem;
    private final int initval;
    final LongHash hash;
    /** Writer side: members in the order added. Guarded by this. */
    final Set<Long> order = new LinkedHashSet<>();

    IpSet(String name, int hashsize, int maxelem, int initval) {
        this.name = checkNotNull(name, "name");
        this.hashsize = hashsize;
        this.maxelem = maxelem;
        this.initval = initval;
        this.hash = new LongHash(Math.min(hashsize, 1 << 16));
    }

    public String name() {
        return name;
    }

    /** {@code ipset rename}. Kernel thread. */
    void rename(String newName) {
        this.name = checkNotNull(newName, "newName");
    }

    /** "hash:ip". */
    public abstract String typeName();

    /** The kernel module's revision, as {@code ipset list} prints it. */
    public abstract int revision();

    public int hashsize() {
        return hashsize;
    }

    public int maxelem() {
        return maxelem;
    }

    public int initval() {
        return initval;
    }

    /** Whether {@code addr} is in the set (an element covers it). Any thread; allocation-free. */
    public abstract boolean test(int addr);

    /** Whether exactly this element ({@code addr/cidr}) is in the set ({@code ipset test}). */
    public abstract boolean testElement(int addr, int cidr);

    public synchronized int size() {
        return order.size();
    }

    /** Members as {@code ipset list} prints them, in the order added. */
    public abstract ImmutableList<String> members();

    /** "Size in memory": an estimate in the kernel's spirit (header plus buckets plus elements). */
    public synchronized long memSize() {
        return baseSize() + (long) order.size() * elementSize();
    }

    abstract int baseSize();

    abstract int elementSize();

    /** {@code ipset flush}. */
    public synchronized void flush() {
        hash.clear();
        order.clear();
    }

    /** What an add or delete answers. */
    public enum Outcome { OK, EXISTS, MISSING, FULL }

    @Override
    public String toString() {
        return typeName() + " " + name;
    }
}
