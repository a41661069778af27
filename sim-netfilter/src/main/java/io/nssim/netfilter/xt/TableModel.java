package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.nssim.core.netfilter.NfInetHook;
import java.util.Optional;

/**
 * One committed generation of a table, immutable: whether the table exists (with the nf_tables backend it is
 * created by the first command that writes to it), its built-in chains in hook order and its user chains in
 * name order ({@code strcmp}). Changes go through a {@link TableEdit}.
 */
public final class TableModel {
    private final TableId id;
    private final boolean exists;
    private final ImmutableList<ChainModel> builtins;
    private final ImmutableSortedMap<String, ChainModel> users;

    TableModel(TableId id, boolean exists, ImmutableList<ChainModel> builtins,
               ImmutableSortedMap<String, ChainModel> users) {
        this.id = checkNotNull(id, "id");
        this.exists = exists;
        this.builtins = builtins;
        this.users = users;
    }

    /** The table before anything touched it: no table in the kernel, built-in chains with ACCEPT. */
    public static TableModel initial(TableId id) {
        ImmutableList.Builder<ChainModel> b = ImmutableList.builder();
        for (NfInetHook h : id.hooks()) {
            b.add(new ChainModel(TableId.chainName(h), h, Policy.ACCEPT, false, false, new Counter(),
                    ImmutableList.of()));
        }
        return new TableModel(id, false, b.build(), ImmutableSortedMap.of());
    }

    public TableId id() {
        return id;
    }

    /** Whether the table exists in the kernel: iptables-save prints only those. */
    public boolean exists() {
        return exists;
    }

    public ImmutableList<ChainModel> builtins() {
        return builtins;
    }

    public ImmutableSortedMap<String, ChainModel> users() {
        return users;
    }

    /** Built-in chains, then user chains by name: the order of {@code -L}, {@code -S} and save. */
    public ImmutableList<ChainModel> chains() {
        return ImmutableList.<ChainModel>builder().addAll(builtins).addAll(users.values()).build();
    }

    /** A built-in chain by name (materialized or not), or a user chain. */
    public Optional<ChainModel> chain(String name) {
        for (ChainModel c : builtins) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.ofNullable(users.get(name));
    }

    public ChainModel builtin(NfInetHook hook) {
        for (ChainModel c : builtins) {
            if (c.hook() == hook) {
                return c;
            }
        }
        throw new IllegalArgumentException(id + " has no chain at " + hook);
    }

    /** How many rules jump or go to {@code chain} (the "references" of {@code -L}). */
    public int references(String chain) {
        int n = 0;
        for (ChainModel c : chains()) {
            for (Rule r : c.rules()) {
                if (r.spec().target().isChain() && r.spec().target().chain().equals(chain)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every rule of every chain. */
    public ImmutableList<Rule> allRules() {
        ImmutableList.Builder<Rule> b = ImmutableList.builder();
        for (ChainModel c : chains()) {
            b.addAll(c.rules());
        }
        return b.build();
    }

    /** A transaction starting from this generation. */
    public TableEdit edit() {
        return new TableEdit(this);
    }
}
