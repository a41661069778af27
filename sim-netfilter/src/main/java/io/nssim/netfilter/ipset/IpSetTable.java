package io.nssim.netfilter.ipset;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One net's sets ({@code struct ip_set_net}): by name, in creation order (the order {@code ipset list}
 * shows them). Kernel thread only; the sets themselves are read from the packet path.
 */
public final class IpSetTable {
    private final List<IpSet> sets = new ArrayList<>();

    public Optional<IpSet> get(String name) {
        for (IpSet s : sets) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public ImmutableList<IpSet> all() {
        return ImmutableList.copyOf(sets);
    }

    public void add(IpSet s) {
        sets.add(s);
    }

    public void remove(IpSet s) {
        sets.remove(s);
    }

    public void rename(IpSet s, String newName) {
        s.rename(newName);
    }

    public void clear() {
        sets.clear();
    }
}
