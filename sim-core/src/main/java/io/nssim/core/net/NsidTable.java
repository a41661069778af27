package io.nssim.core.net;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One net's {@code netns_ids} IDR: the ids by which this net names its peers. Ids are per observer and
 * asymmetric, and the table holds no reference on the peers: the cleanup worker removes a dying peer from
 * every survivor's table. Guarded by the kernel lock.
 */
public final class NsidTable {
    /** Lowest id allocated automatically ({@code idr_alloc(..., 0, ...)}). */
    public static final int MIN_AUTO = 0;

    private final TreeMap<Integer, Net> byId = new TreeMap<>();

    /** The id this table gives {@code peer}, or -1 ({@code NETNSA_NSID_NOT_ASSIGNED}). */
    public int idOf(Net peer) {
        for (Map.Entry<Integer, Net> e : byId.entrySet()) {
            if (e.getValue() == peer) {
                return e.getKey();
            }
        }
        return -1;
    }

    public Net peer(int id) {
        return byId.get(id);
    }

    public boolean isUsed(int id) {
        return byId.containsKey(id);
    }

    /** The lowest free id at or above {@link #MIN_AUTO}. */
    public int lowestFree() {
        int id = MIN_AUTO;
        while (byId.containsKey(id)) {
            id++;
        }
        return id;
    }

    void put(int id, Net peer) {
        byId.put(id, peer);
    }

    void remove(int id) {
        byId.remove(id);
    }

    void clear() {
        byId.clear();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** id -> peer, in id order. */
    public ImmutableSortedMap<Integer, Net> snapshot() {
        return ImmutableSortedMap.copyOf(byId);
    }
}
