package io.nssim.netfilter.conntrack;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One net's connection table ({@code nf_conntrack_hash} for that net): every confirmed connection hashed under
 * both of its tuples. Readers on the packet path walk immutable bucket chains through a volatile array
 * reference without locking or allocating; writers (confirmation, deletion, flushing, garbage collection)
 * take the table's monitor, replace bucket heads and republish the array.
 *
 * <p>Expired connections are treated as absent by lookups and reaped lazily by writers (the kernel's gc
 * worker): no timer is armed, so an idle table leaves nothing pending on the virtual clock.
 */
public final class ConntrackTable {
    private static final int MIN_BUCKETS = 256;

    /** An entry in a bucket chain: one direction of one connection. */
    static final class Node {
        final NfConn ct;
        final int dir;
        final Node next;

        Node(NfConn ct, int dir, Node next) {
            this.ct = ct;
            this.dir = dir;
            this.next = next;
        }
    }

    /**
     * Shared by every table that has never held a connection: always empty, never written. The first
     * confirmation gives the table its own array, so an idle net keeps no buckets.
     */
    private static final Node[] NO_BUCKETS = new Node[MIN_BUCKETS];

    private volatile Node[] buckets = NO_BUCKETS;
    /** Writer side: live connections in confirmation order, for listing. Guarded by this. */
    private Set<NfConn> all = NO_CONNS;
    /** {@link #all} of a table that never held a connection: empty, never written (the first add replaces it). */
    private static final Set<NfConn> NO_CONNS = java.util.Collections.emptySet();
    private long nextSeq = 1;
    /** Confirmations since the last reaping pass: the gc runs every {@link #GC_EVERY} of them. */
    private int sinceGc;
    private static final int GC_EVERY = 64;

    /** A fresh, unconfirmed connection for a packet's original tuple. */
    public synchronized NfConn newConn(int proto, int src, int dst, int skey, int dkey) {
        return new NfConn(nextSeq++, proto, src, dst, skey, dkey);
    }

    /** The live connection direction with this tuple, or null. Any thread, allocation-free. */
    Node find(int proto, int src, int dst, int skey, int dkey, long now) {
        Node[] b = buckets;
        Node n = b[Tuples.hash(proto, src, dst, skey, dkey) & (b.length - 1)];
        for (; n != null; n = n.next) {
            NfConn c = n.ct;
            if (c.tupleEquals(n.dir, proto, src, dst, skey, dkey) && c.expires - now > 0
                    && (c.status & NfConn.IPS_DYING) == 0) {
                return n;
            }
        }
        return null;
    }

    /** {@code nf_conntrack_tuple_taken}: whether a live connection other than {@code self} has this tuple. */
    boolean taken(int proto, int src, int dst, int skey, int dkey, NfConn self, long now) {
        Node n = find(proto, src, dst, skey, dkey, now);
        return n != null && n.ct != self;
    }

    /**
     * {@code __nf_conntrack_confirm}: hashes an unconfirmed connection under both tuples. Fails (false) when a
     * live connection already holds either tuple (the packet is then dropped, {@code insert_failed}).
     */
    public synchronized boolean confirm(NfConn ct, long now) {
        for (int dir = 0; dir < 2; dir++) {
            if (find(ct.proto, ct.src[dir], ct.dst[dir], ct.skey[dir], ct.dkey[dir], now) != null) {
                return false;
            }
        }
        if (++sinceGc >= GC_EVERY) {
            reapExpired(now);
        }
        ct.expires = now + ct.timeout;
        ct.setStatus(NfConn.IPS_CONFIRMED);
        Node[] b = buckets;
        if (b == NO_BUCKETS) {
            b = new Node[MIN_BUCKETS];
        } else if (all.size() + 1 > b.length) {
            b = rehash(b.length * 2);
        }
        for (int dir = 0; dir < 2; dir++) {
            int i = Tuples.hash(ct.proto, ct.src[dir], ct.dst[dir], ct.skey[dir], ct.dkey[dir]) & (b.length - 1);
            b[i] = new Node(ct, dir, b[i]);
        }
        if (all == NO_CONNS) {
            all = new LinkedHashSet<>();
        }
        all.add(ct);
        buckets = b;
        return true;
    }

    private Node[] rehash(int size) {
        Node[] nb = new Node[size];
        for (NfConn c : all) {
            for (int dir = 0; dir < 2; dir++) {
                int i = Tuples.hash(c.proto, c.src[dir], c.dst[dir], c.skey[dir], c.dkey[dir]) & (size - 1);
                nb[i] = new Node(c, dir, nb[i]);
            }
        }
        return nb;
    }

    /** Removes one connection ({@code nf_ct_delete}). */
    public synchronized boolean delete(NfConn ct) {
        if (!all.remove(ct)) {
            return false;
        }
        ct.setStatus(NfConn.IPS_DYING);
        Node[] b = buckets;
        for (int dir = 0; dir < 2; dir++) {
            int i = Tuples.hash(ct.proto, ct.src[dir], ct.dst[dir], ct.skey[dir], ct.dkey[dir]) & (b.length - 1);
            b[i] = without(b[i], ct);
        }
        buckets = b;
        return true;
    }

    private static Node without(Node head, NfConn ct) {
        if (head == null) {
            return null;
        }
        Node rest = without(head.next, ct);
        if (head.ct == ct) {
            return rest;
        }
        return rest == head.next ? head : new Node(head.ct, head.dir, rest);
    }

    /** The gc worker's pass: drops every connection whose timeout has passed. Returns how many. */
    public synchronized int reapExpired(long now) {
        sinceGc = 0;
        List<NfConn> dead = new ArrayList<>();
        for (NfConn c : all) {
            if (c.expires - now <= 0) {
                dead.add(c);
            }
        }
        for (NfConn c : dead) {
            delete(c);
        }
        return dead.size();
    }

    /** {@code conntrack -F}: drops everything; returns how many went. */
    public synchronized int flush() {
        int n = all.size();
        for (NfConn c : all) {
            c.setStatus(NfConn.IPS_DYING);
        }
        all.clear();
        buckets = NO_BUCKETS;
        return n;
    }

    /** The live connections in confirmation order (expired ones reaped first). */
    public synchronized ImmutableList<NfConn> list(long now) {
        reapExpired(now);
        return ImmutableList.copyOf(all);
    }

    /** {@code nf_conntrack_count}. */
    public synchronized int count(long now) {
        reapExpired(now);
        return all.size();
    }
}
