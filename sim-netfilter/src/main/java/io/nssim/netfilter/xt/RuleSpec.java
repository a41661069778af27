package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A rule as the user wrote it ({@code struct ipt_entry} without counters): the fixed part, the matches in
 * order and the target. Two specs are equal when iptables would consider them the same rule for
 * {@code -D}/{@code -C}.
 */
public record RuleSpec(IpHeader header, ImmutableList<XtMatch> matches, RuleTarget target) {
    public RuleSpec {
        checkNotNull(header, "header");
        checkNotNull(matches, "matches");
        checkNotNull(target, "target");
    }

    public static RuleSpec of(IpHeader header, RuleTarget target, XtMatch... matches) {
        return new RuleSpec(header, ImmutableList.copyOf(matches), target);
    }

    public RuleSpec withTarget(RuleTarget t) {
        return new RuleSpec(header, matches, t);
    }

    /** Whether any match or the target needs conntrack in the net. */
    public boolean usesConntrack() {
        for (int i = 0; i < matches.size(); i++) { // no iterator: called for every rule after every commit
            if (matches.get(i).usesConntrack()) {
                return true;
            }
        }
        return target.kind() == RuleTarget.Kind.EXTENSION && target.extension().usesConntrack();
    }
}
