package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A net's IPv4 policy rules ({@code net->ipv4.rules_ops}, net/core/fib_rules.c and net/ipv4/fib_rules.c), in
 * priority order (equal priorities in insertion order). A new net has the three default rules
 * ({@code fib_default_rules_init}): 0 local, 32766 main, 32767 default; while it keeps exactly those
 * ({@code fib_has_custom_rules} false) lookups take the merged local+main fast path.
 *
 * <p>Written under the kernel lock and published as an immutable list, which lookups on any thread read.
 */
public final class FibRules {
    static final FibRule LOCAL = new FibRule(0, 0, 0, 0, 0, null, null, 0, 0, FibRule.Action.TO_TBL, RtTable.LOCAL);
    static final FibRule MAIN = new FibRule(0x7FFE, 0, 0, 0, 0, null, null, 0, 0, FibRule.Action.TO_TBL,
            RtTable.MAIN);
    static final FibRule DEFAULT = new FibRule(0x7FFF, 0, 0, 0, 0, null, null, 0, 0, FibRule.Action.TO_TBL,
            RtTable.DEFAULT);

    private volatile ImmutableList<FibRule> rules = ImmutableList.of(LOCAL, MAIN, DEFAULT);
    private volatile boolean custom;

    /** The rules in lookup order. */
    public ImmutableList<FibRule> rules() {
        return rules;
    }

    /** {@code fib_has_custom_rules}: set once a rule is added or deleted, as the kernel never clears it. */
    boolean custom() {
        return custom;
    }

    /**
     * {@code fib_default_rule_pref}: without {@code priority}, a new rule goes just before the second rule of the
     * list (the first after rule 0), or gets 0 when there is none or that one has priority 0.
     */
    int defaultPref() {
        List<FibRule> l = rules;
        if (l.size() < 2) {
            return 0;
        }
        int p = l.get(1).pref();
        return p > 0 ? p - 1 : 0;
    }

    /** {@code fib_nl_newrule}: inserted after every rule of the same or a lower priority. */
    Result<Void> add(FibRule rule) {
        List<FibRule> l = new ArrayList<>(rules);
        int i = 0;
        while (i < l.size() && l.get(i).pref() <= rule.pref()) {
            i++;
        }
        l.add(i, rule);
        rules = ImmutableList.copyOf(l);
        custom = true;
        return Result.ok();
    }

    /** {@code fib_nl_delrule}: the first rule {@code which} selects; ENOENT when none. */
    Result<Void> delete(Predicate<FibRule> which) {
        List<FibRule> l = new ArrayList<>(rules);
        for (int i = 0; i < l.size(); i++) {
            if (which.test(l.get(i))) {
                l.remove(i);
                rules = ImmutableList.copyOf(l);
                custom = true;
                return Result.ok();
            }
        }
        return Result.err(Errno.ENOENT);
    }

    /**
     * {@code ip rule flush}: iproute2 deletes every rule it dumps except priority 0, so only the local rule is
     * left.
     */
    void flush() {
        List<FibRule> l = new ArrayList<>();
        for (FibRule r : rules) {
            if (r.pref() == 0) {
                l.add(r);
            }
        }
        rules = ImmutableList.copyOf(l);
        custom = true;
    }
}
