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

    /** id -> peer; made on the first id (most nets never name a peer). */
    private TreeMap<Integer, Net> byId;

    /** The id this table gives {@code peer}, or -1 ({@code NETNSA_NSID_NOT_ASSIGNED}). */
    public int idOf(Net peer) {
        if (byId == null) {
            return -1;
        }
        for (Map.Entry<Integer, Net> e : byId.entrySet()) {
            if (e.getValue() == peer) {
                return e.getKey();
            }
        }
        return -1;
    }

    public Net peer(int id) {
        return byId == null ? null : byId.get(id);
    }

    public boolean isUsed(int id) {
        return byId != null && byId.containsKey(id);
    }

    /** The peers named here, in id order (a peer named twice appears twice). */
    java.util.List<Net> peers() {
        return byId == null ? java.util.List.of() : java.util.List.copyOf(byId.values());
    }

    /** The lowest free id at or above {@link #MIN_AUTO}. */
    public int lowestFree() {
        int id = MIN_AUTO;
        while (isUsed(id)) {
            id++;
        }
        return id;
    }

    void put(int id, Net peer) {
        if (byId == null) {
            byId = new TreeMap<>();
        }
        byId.put(id, peer);
    }

    void remove(int id) {
        if (byId != null) {
            byId.remove(id);
            if (byId.isEmpty()) {
                byId = null;
            }
        }
    }

    void clear() {
        byId = null;
    }

    public boolean isEmpty() {
        return byId == null;
    }

    /** id -> peer, in id order. */
    public ImmutableSortedMap<Integer, Net> snapshot() {
        return byId == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(byId);
    }
}
