package io.nssim.benchmarks.netfilter;

import com.google.common.collect.ImmutableList;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.core.net.Net;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.ext.SetMatch;
import io.nssim.netfilter.ipset.HashIpSet;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.Counter;
import io.nssim.netfilter.xt.IpHeader;
import io.nssim.netfilter.xt.RuleSpec;
import io.nssim.netfilter.xt.RuleTarget;
import io.nssim.netfilter.xt.TableEdit;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.XtError;
import io.nssim.netfilter.xt.XtTable;

/**
 * Rule sets that match nothing the benchmarks send, installed in the filter table's INPUT chain of a net in one
 * commit, as {@code iptables-restore} would. The chain always exists ({@code -P INPUT ACCEPT}), so even zero
 * rules means the table is hooked and walked.
 */
public final class RuleSets {
    /** First address of the rules and set members: 198.18.0.0, far from the topologies' 198.19.x.y. */
    public static final int BASE = Ip4.parse("198.18.0.0");
    /** The set's name. */
    public static final String SET = "bench";

    /** How the N addresses are matched. */
    public enum Match {
        /** N rules {@code -A INPUT -s 198.18.x.y/32 -j DROP}, walked one after the other. */
        LINEAR,
        /** One rule {@code -A INPUT -m set --match-set bench src -j DROP} over a hash:ip set of N members. */
        SET
    }

    private RuleSets() {
    }

    /** Installs {@code n} non-matching addresses the {@code match} way into {@code net}'s INPUT chain. */
    public static void install(Net net, Match match, int n) {
        NfNet nf = NfNet.of(net);
        XtTable filter = nf.table(TableId.FILTER);
        TableEdit e = filter.edit();
        check(e.setPolicy("INPUT", "ACCEPT", null));
        if (match == Match.LINEAR) {
            for (int i = 0; i < n; i++) {
                check(e.append("INPUT", RuleSpec.of(IpHeader.ANY.withSrc(BASE + i, -1), RuleTarget.DROP),
                        new Counter()));
            }
        } else {
            HashIpSet set = new HashIpSet(SET, 1024, Math.max(65536, n), 0);
            for (int i = 0; i < n; i++) {
                if (set.add(BASE + i, 32, false) != IpSet.Outcome.OK) {
                    throw new IllegalStateException("ipset add " + Ip4.format(BASE + i) + " failed");
                }
            }
            nf.ipsets().add(set);
            check(e.append("INPUT", RuleSpec.of(IpHeader.ANY, RuleTarget.DROP,
                    new SetMatch(set, ImmutableList.of(true), false)), new Counter()));
        }
        filter.commit(e.build());
    }

    /** Rules in {@code net}'s INPUT chain. */
    public static int inputRules(Net net) {
        return NfNet.of(net).table(TableId.FILTER).edit().ruleCount("INPUT");
    }

    private static void check(XtError err) {
        if (err != null) {
            throw new IllegalStateException("iptables: " + err);
        }
    }
}
