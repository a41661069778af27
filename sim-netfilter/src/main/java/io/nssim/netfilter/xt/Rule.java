package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A rule in a chain: its spec and its counter. Immutable but for the counter; the same {@code Rule} object is
 * carried from one ruleset generation to the next while it stays, which keeps its counts.
 */
public final class Rule {
    private final RuleSpec spec;
    private final Counter counter;

    public Rule(RuleSpec spec, Counter counter) {
        this.spec = checkNotNull(spec, "spec");
        this.counter = checkNotNull(counter, "counter");
    }

    public Rule(RuleSpec spec) {
        this(spec, new Counter());
    }

    public RuleSpec spec() {
        return spec;
    }

    public Counter counter() {
        return counter;
    }

    /** The same rule (same counter) with another spec: a jump follows a chain rename. */
    Rule withSpec(RuleSpec s) {
        return new Rule(s, counter);
    }

    @Override
    public String toString() {
        return "Rule" + counter + spec;
    }
}
