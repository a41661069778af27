package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.netfilter.NfInetHook;

/**
 * One chain of a committed table, immutable. A built-in chain has a hook and a policy; with the nf_tables
 * backend it exists in the kernel (is {@link #materialized()}, hooked) only once a command touched it, and its
 * policy is counted only once a policy was set on it. A user chain has neither.
 */
public final class ChainModel {
    private final String name;
    private final NfInetHook hook;
    private final Policy policy;
    private final boolean materialized;
    private final boolean policyCounted;
    private final Counter policyCounter;
    private final ImmutableList<Rule> rules;

    public ChainModel(String name, NfInetHook hook, Policy policy, boolean materialized, boolean policyCounted,
                      Counter policyCounter, ImmutableList<Rule> rules) {
        this.name = checkNotNull(name, "name");
        this.hook = hook;
        this.policy = policy;
        this.materialized = materialized;
        this.policyCounted = policyCounted;
        this.policyCounter = checkNotNull(policyCounter, "policyCounter");
        this.rules = checkNotNull(rules, "rules");
    }

    public String name() {
        return name;
    }

    public boolean isBuiltin() {
        return hook != null;
    }

    /** The hook of a built-in chain, else null. */
    public NfInetHook hook() {
        return hook;
    }

    /** The policy of a built-in chain, else null. */
    public Policy policy() {
        return policy;
    }

    /** A user chain always; a built-in chain once the nf_tables backend created it. */
    public boolean materialized() {
        return materialized;
    }

    public boolean policyCounted() {
        return policyCounted;
    }

    public Counter policyCounter() {
        return policyCounter;
    }

    public ImmutableList<Rule> rules() {
        return rules;
    }
}
