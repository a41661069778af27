package io.nssim.netfilter.xt;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.nssim.core.netfilter.NfInetHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A transaction on one table (an nf_tables batch): starts from a committed {@link TableModel}, applies the
 * operations of one iptables command or one iptables-restore table section, each checked as it goes (a failed
 * operation changes nothing), and {@link #build() builds} the next generation for {@link XtTable#commit}.
 * Kernel thread only.
 *
 * <p>The nf_tables backend's laziness is modelled: a write to a built-in chain creates the table and that chain
 * (only then is it hooked); {@code -N} creates the table but no built-in chain; {@code -F}, {@code -Z} and
 * {@code -X} without a chain touch only what exists.
 */
public final class TableEdit {
    /**
     * {@code NFT_JUMP_STACK_SIZE}: below a base chain at most 15 user chains may nest (a 16th fails with
     * EMLINK, as observed on Linux 6.18).
     */
    public static final int MAX_JUMP_DEPTH = 16;

    private final TableId id;
    private boolean exists;
    private final List<EChain> builtins = new ArrayList<>();
    private final TreeMap<String, EChain> users = new TreeMap<>();

    /** A chain being edited. */
    private static final class EChain {
        String name;
        final NfInetHook hook;
        Policy policy;
        boolean materialized;
        boolean policyCounted;
        final Counter policyCounter;
        final List<Rule> rules;

        EChain(ChainModel c) {
            this.name = c.name();
            this.hook = c.hook();
            this.policy = c.policy();
            this.materialized = c.materialized();
            this.policyCounted = c.policyCounted();
            this.policyCounter = c.policyCounter();
            this.rules = new ArrayList<>(c.rules());
        }

        EChain(String name) {
            this.name = name;
            this.hook = null;
            this.policy = null;
            this.materialized = true;
            this.policyCounter = new Counter();
            this.rules = new ArrayList<>();
        }

        ChainModel build() {
            return new ChainModel(name, hook, policy, materialized, policyCounted, policyCounter,
                    ImmutableList.copyOf(rules));
        }
    }

    TableEdit(TableModel from) {
        this.id = from.id();
        this.exists = from.exists();
        for (ChainModel c : from.builtins()) {
            builtins.add(new EChain(c));
        }
        for (ChainModel c : from.users().values()) {
            users.put(c.name(), new EChain(c));
        }
    }

    public TableId id() {
        return id;
    }

    public boolean exists() {
        return exists;
    }

    /** Marks whether the table exists in the kernel (iptables-restore creates the tables it names). */
    public TableEdit withExists(boolean e) {
        this.exists = e;
        return this;
    }

    public TableModel build() {
        ImmutableList.Builder<ChainModel> b = ImmutableList.builder();
        for (EChain c : builtins) {
            b.add(c.build());
        }
        ImmutableSortedMap.Builder<String, ChainModel> u = ImmutableSortedMap.naturalOrder();
        for (EChain c : users.values()) {
            u.put(c.name, c.build());
        }
        return new TableModel(id, exists, b.build(), u.build());
    }

    // ---- lookups ----

    private EChain builtin(String name) {
        for (EChain c : builtins) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The chain as a rule operation sees it: a built-in one only once created, unless {@code create}. */
    private EChain chainForRules(String name, boolean create) {
        EChain b = builtin(name);
        if (b != null) {
            if (create) {
                exists = true;
                b.materialized = true;
            }
            return b.materialized ? b : null;
        }
        return users.get(name);
    }

    /** Whether {@code name} is a chain a rule may jump to (a user chain). */
    public boolean hasUserChain(String name) {
        return users.containsKey(name);
    }

    public boolean hasChain(String name) {
        return builtin(name) != null || users.containsKey(name);
    }

    public int ruleCount(String chain) {
        EChain c = chainForRules(chain, false);
        return c == null ? 0 : c.rules.size();
    }

    // ---- rule operations ----

    /** {@code -A}. */
    public XtError append(String chain, RuleSpec spec, Counter counter) {
        EChain c = checkedChain(chain, true);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        c.rules.add(new Rule(spec, counter));
        return validate(c, spec, "RULE_APPEND", "rule in chain " + chain, () -> c.rules.remove(c.rules.size() - 1));
    }

    /** {@code -I CHAIN NUM}: 1 is the head; one past the end appends. */
    public XtError insert(String chain, int num, RuleSpec spec, Counter counter) {
        EChain c = checkedChain(chain, true);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        if (num > c.rules.size() + 1) {
            return XtError.INSERT_TOO_BIG;
        }
        c.rules.add(num - 1, new Rule(spec, counter));
        return validate(c, spec, "RULE_INSERT", "rule in chain " + chain, () -> c.rules.remove(num - 1));
    }

    /** {@code -R CHAIN NUM}: the new rule starts with the given counter. */
    public XtError replace(String chain, int num, RuleSpec spec, Counter counter) {
        EChain c = chainForRules(chain, false);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        if (num > c.rules.size()) {
            return XtError.REPLACE_TOO_BIG;
        }
        Rule old = c.rules.set(num - 1, new Rule(spec, counter));
        return validate(c, spec, "RULE_REPLACE", "rule in chain " + chain, () -> c.rules.set(num - 1, old));
    }

    /** {@code -D CHAIN NUM}. */
    public XtError deleteNum(String chain, int num) {
        EChain c = chainForRules(chain, false);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        if (num > c.rules.size()) {
            return XtError.DELETE_TOO_BIG;
        }
        c.rules.remove(num - 1);
        return null;
    }

    /** {@code -D CHAIN RULE}: the first equal rule. */
    public XtError deleteMatching(String chain, RuleSpec spec) {
        EChain c = chainForRules(chain, false);
        int i = c == null ? -1 : indexOf(c, spec);
        if (i < 0) {
            return XtError.BAD_RULE;
        }
        c.rules.remove(i);
        return null;
    }

    /** {@code -C CHAIN RULE}. */
    public XtError check(String chain, RuleSpec spec) {
        EChain c = chainForRules(chain, false);
        return c != null && indexOf(c, spec) >= 0 ? null : XtError.BAD_RULE;
    }

    private static int indexOf(EChain c, RuleSpec spec) {
        for (int i = 0; i < c.rules.size(); i++) {
            if (c.rules.get(i).spec().equals(spec)) {
                return i;
            }
        }
        return -1;
    }

    private EChain checkedChain(String chain, boolean create) {
        if (builtin(chain) == null && !users.containsKey(chain)) {
            return null;
        }
        return chainForRules(chain, create);
    }

    // ---- chain operations ----

    /** {@code -F CHAIN} (creates a built-in chain) or {@code -F} (every existing chain). */
    public XtError flush(String chain) {
        if (chain == null) {
            for (EChain c : builtins) {
                c.rules.clear();
            }
            for (EChain c : users.values()) {
                c.rules.clear();
            }
            return null;
        }
        EChain c = checkedChain(chain, true);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        c.rules.clear();
        return null;
    }

    /** The chains {@code -Z} without a chain zeroes: those that exist in the kernel. */
    public List<String> existingChains() {
        List<String> names = new ArrayList<>();
        for (EChain c : builtins) {
            if (c.materialized) {
                names.add(c.name);
            }
        }
        names.addAll(users.keySet());
        return names;
    }

    /**
     * {@code -Z CHAIN [NUM]}; {@code num} 0 zeroes the whole chain and its policy counter. Zeroing a built-in
     * chain sends the chain with counters ({@code NFTA_CHAIN_COUNTERS}), which gives it stats: from then on its
     * policy is counted, as after {@code -P} (nf_goto_return: RETURN from a goto chain after {@code -Z}).
     */
    public XtError zero(String chain, int num) {
        EChain c = chainForRules(chain, false);
        if (c == null) {
            return num > 0 ? XtError.BAD_RULE : XtError.NO_CHAIN;
        }
        if (num > 0) {
            if (num <= c.rules.size()) {
                c.rules.get(num - 1).counter().zero();
            }
            return null;
        }
        for (Rule r : c.rules) {
            r.counter().zero();
        }
        c.policyCounter.zero();
        if (c.hook != null) {
            c.policyCounted = true;
        }
        return null;
    }

    /** {@code -L -Z}: the listing creates every built-in chain of an existing table. */
    public void materializeAll() {
        if (!exists) {
            return;
        }
        for (EChain c : builtins) {
            c.materialized = true;
        }
    }

    /** {@code -N}. */
    public XtError newChain(String name) {
        if (hasChain(name)) {
            return XtError.CHAIN_EXISTS;
        }
        exists = true;
        users.put(name, new EChain(name));
        return null;
    }

    /** {@code -X NAME}; a created, empty built-in chain is deleted from the kernel (it loses its hook). */
    public XtError deleteChain(String name) {
        EChain b = builtin(name);
        if (b != null) {
            if (!b.materialized) {
                return XtError.NO_CHAIN;
            }
            if (!b.rules.isEmpty()) {
                return XtError.kernel("CHAIN_DEL", XtError.EBUSY, "chain " + name);
            }
            b.materialized = false;
            b.policy = Policy.ACCEPT;
            b.policyCounted = false;
            return null;
        }
        EChain c = users.get(name);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        if (!c.rules.isEmpty() || references(name) > 0) {
            return XtError.kernel("CHAIN_DEL", XtError.EBUSY, "chain " + name);
        }
        users.remove(name);
        return null;
    }

    /** {@code -X}: every user chain, all or nothing. */
    public XtError deleteAllUserChains() {
        for (EChain c : users.values()) {
            if (!c.rules.isEmpty() || references(c.name) > 0) {
                return XtError.kernel("CHAIN_DEL", XtError.EBUSY, "chain " + c.name);
            }
        }
        users.clear();
        return null;
    }

    /** {@code -E OLD NEW}: jumps follow the chain. */
    public XtError rename(String oldName, String newName) {
        EChain c = users.get(oldName);
        if (c == null) {
            return XtError.NO_CHAIN;
        }
        if (hasChain(newName)) {
            return XtError.FILE_EXISTS;
        }
        users.remove(oldName);
        c.name = newName;
        users.put(newName, c);
        for (EChain ch : allChains()) {
            for (int i = 0; i < ch.rules.size(); i++) {
                Rule r = ch.rules.get(i);
                RuleTarget t = r.spec().target();
                if (t.isChain() && t.chain().equals(oldName)) {
                    ch.rules.set(i, r.withSpec(r.spec().withTarget(t.renamed(newName))));
                }
            }
        }
        return null;
    }

    /** {@code -P CHAIN POLICY}: from now on the policy is counted. */
    public XtError setPolicy(String chain, String policy, Counter counters) {
        var p = Policy.byName(policy);
        if (p.isEmpty()) {
            return XtError.BAD_POLICY;
        }
        EChain c = builtin(chain);
        if (c == null) {
            return XtError.BAD_BUILTIN;
        }
        exists = true;
        c.materialized = true;
        c.policy = p.get();
        c.policyCounted = true;
        if (counters != null) {
            c.policyCounter.set(counters.packets(), counters.bytes());
        }
        return null;
    }

    public int references(String chain) {
        int n = 0;
        for (EChain c : allChains()) {
            for (Rule r : c.rules) {
                RuleTarget t = r.spec().target();
                if (t.isChain() && t.chain().equals(chain)) {
                    n++;
                }
            }
        }
        return n;
    }

    private List<EChain> allChains() {
        List<EChain> all = new ArrayList<>(builtins);
        all.addAll(users.values());
        return all;
    }

    // ---- validation (what the kernel checks when the batch commits) ----

    /**
     * Checks the whole table after an operation; on failure undoes it and answers the kernel's error for it:
     * a target or match outside its table or hooks (EINVAL), a loop or a
     * nesting deeper than {@link #MAX_JUMP_DEPTH} reachable from a base chain (EMLINK).
     */
    private XtError validate(EChain c, RuleSpec spec, String op, String object, Runnable undo) {
        String err = quickCheck(c, spec);
        if (err == null && (spec.target().isChain() || (c.hook == null && hookLimited(spec)))) {
            err = check();
        }
        if (err == null) {
            return null;
        }
        undo.run();
        return XtError.kernel(op, err, object);
    }

    /**
     * What can be checked on the new rule alone: table and {@code checkentry}, and for a built-in chain the
     * hooks. A jump, or a hook-limited rule in a user chain, needs the whole walk of {@link #check()}.
     */
    private String quickCheck(EChain c, RuleSpec s) {
        int mask = c.hook != null && c.materialized ? 1 << c.hook.ordinal() : 0;
        RuleTarget t = s.target();
        if (t.kind() == RuleTarget.Kind.EXTENSION) {
            XtTarget x = t.extension();
            if (x.table() != null && x.table() != id) {
                return XtError.EINVAL;
            }
            if (!x.checkEntry(s.header()) || (mask & ~x.hooks()) != 0) {
                return XtError.EINVAL;
            }
        }
        for (XtMatch m : s.matches()) {
            if ((mask & ~m.hooks()) != 0 || !m.checkEntry(s.header())) {
                return XtError.EINVAL;
            }
        }
        return null;
    }

    private static boolean hookLimited(RuleSpec s) {
        if (s.target().kind() == RuleTarget.Kind.EXTENSION && s.target().extension().hooks() != XtMatch.ALL_HOOKS) {
            return true;
        }
        for (XtMatch m : s.matches()) {
            if (m.hooks() != XtMatch.ALL_HOOKS) {
                return true;
            }
        }
        return false;
    }

    /** The strerror of what is wrong with the table as edited, or null. */
    public String check() {
        Map<String, Integer> hooksOf = new HashMap<>();
        for (EChain b : builtins) {
            if (!b.materialized) {
                continue;
            }
            String loop = walk(b, 1 << b.hook.ordinal(), 0, new HashSet<>(), hooksOf);
            if (loop != null) {
                return loop;
            }
        }
        for (EChain c : allChains()) {
            int mask = c.hook != null ? (c.materialized ? 1 << c.hook.ordinal() : 0)
                    : hooksOf.getOrDefault(c.name, 0);
            for (Rule r : c.rules) {
                RuleSpec s = r.spec();
                RuleTarget t = s.target();
                if (t.kind() == RuleTarget.Kind.EXTENSION) {
                    XtTarget x = t.extension();
                    if (x.table() != null && x.table() != id) {
                        return XtError.EINVAL;
                    }
                    if (!x.checkEntry(s.header()) || (mask & ~x.hooks()) != 0) {
                        return XtError.EINVAL;
                    }
                }
                for (XtMatch m : s.matches()) {
                    if ((mask & ~m.hooks()) != 0 || !m.checkEntry(s.header())) {
                        return XtError.EINVAL;
                    }
                }
            }
        }
        return null;
    }

    /** Depth-first from a base chain, collecting the hooks every reachable chain is called from. */
    private String walk(EChain c, int hookBit, int depth, Set<String> path, Map<String, Integer> hooksOf) {
        if (depth >= MAX_JUMP_DEPTH) {
            return XtError.EMLINK;
        }
        for (Rule r : c.rules) {
            RuleTarget t = r.spec().target();
            if (!t.isChain()) {
                continue;
            }
            EChain next = users.get(t.chain());
            if (next == null) {
                continue;
            }
            if (!path.add(next.name)) {
                return XtError.EMLINK;
            }
            hooksOf.merge(next.name, hookBit, (a, b) -> a | b);
            String err = walk(next, hookBit, depth + 1, path, hooksOf);
            path.remove(next.name);
            if (err != null) {
                return err;
            }
        }
        return null;
    }
}
