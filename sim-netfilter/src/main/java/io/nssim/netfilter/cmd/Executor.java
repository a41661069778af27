package io.nssim.netfilter.cmd;

import io.nssim.netfilter.xt.ChainModel;
import io.nssim.netfilter.xt.Counter;
import io.nssim.netfilter.xt.Rule;
import io.nssim.netfilter.xt.RuleSpec;
import io.nssim.netfilter.xt.TableEdit;
import io.nssim.netfilter.xt.TableModel;
import io.nssim.netfilter.xt.XtError;
import java.util.List;

/**
 * {@code do_commandx}: applies one parsed iptables command to a table transaction, printing what it prints
 * on the way (listings, "Zeroing chain" lines). Shared by iptables and iptables-restore.
 */
final class Executor {
    private Executor() {
    }

    /** The chain a listing names is missing: the odd text iptables-nft 1.8.9 prints for it (exit 1). */
    static final class IncompatibleChain extends RuntimeException {
        IncompatibleChain() {
            super(null, null, false, false);
        }
    }

    /**
     * Applies {@code p} to {@code e}; {@code current} is the committed generation listings read. Answers the
     * first error, or null.
     */
    static XtError apply(Parsed p, TableEdit e, TableModel current, StringBuilder out) {
        boolean verbose = p.verbose > 0;
        Counter counters = null;
        int cmd = p.command;
        if ((cmd & (Parsed.CMD_APPEND | Parsed.CMD_INSERT | Parsed.CMD_DELETE | Parsed.CMD_REPLACE
                | Parsed.CMD_CHECK)) != 0 && verbose) {
            for (RuleSpec s : p.specs) {
                RulePrinter.rule(out, new Rule(s, new Counter(p.pcnt, p.bcnt)), 0, RulePrinter.FMT_NUMERIC
                        | RulePrinter.FMT_NOTABLE | RulePrinter.FMT_VIA | RulePrinter.FMT_OPTIONS
                        | RulePrinter.FMT_NOCOUNTS);
            }
        }
        switch (cmd) {
            case Parsed.CMD_APPEND -> {
                for (RuleSpec s : p.specs) {
                    XtError err = e.append(p.chain, s, new Counter(p.pcnt, p.bcnt));
                    if (err != null) {
                        return err;
                    }
                }
                return null;
            }
            case Parsed.CMD_INSERT -> {
                for (RuleSpec s : p.specs) {
                    XtError err = e.insert(p.chain, p.rulenum, s, new Counter(p.pcnt, p.bcnt));
                    if (err != null) {
                        return err;
                    }
                }
                return null;
            }
            case Parsed.CMD_REPLACE -> {
                return e.replace(p.chain, p.rulenum, p.specs.get(0), new Counter(p.pcnt, p.bcnt));
            }
            case Parsed.CMD_DELETE -> {
                for (RuleSpec s : p.specs) {
                    XtError err = e.deleteMatching(p.chain, s);
                    if (err != null) {
                        return err;
                    }
                }
                return null;
            }
            case Parsed.CMD_DELETE_NUM -> {
                return e.deleteNum(p.chain, p.rulenum);
            }
            case Parsed.CMD_CHECK -> {
                for (RuleSpec s : p.specs) {
                    XtError err = e.check(p.chain, s);
                    if (err != null) {
                        return err;
                    }
                }
                return null;
            }
            case Parsed.CMD_FLUSH -> {
                if (verbose) {
                    for (String c : p.chain != null ? List.of(p.chain) : allNames(current)) {
                        out.append("Flushing chain `").append(c).append("'\n");
                    }
                }
                return e.flush(p.chain);
            }
            case Parsed.CMD_ZERO, Parsed.CMD_ZERO_NUM -> {
                return zero(p, e, out, verbose, p.chain != null ? List.of(p.chain) : e.existingChains());
            }
            case Parsed.CMD_NEW_CHAIN -> {
                return e.newChain(p.chain);
            }
            case Parsed.CMD_DELETE_CHAIN -> {
                if (p.chain == null) {
                    if (verbose) {
                        for (String c : current.users().keySet()) {
                            out.append("Deleting chain `").append(c).append("'\n");
                        }
                    }
                    return e.deleteAllUserChains();
                }
                if (verbose) {
                    out.append("Deleting chain `").append(p.chain).append("'\n");
                }
                return e.deleteChain(p.chain);
            }
            case Parsed.CMD_RENAME_CHAIN -> {
                return e.rename(p.chain, p.newName);
            }
            case Parsed.CMD_SET_POLICY -> {
                // iptables-nft 1.8.9 takes -c with -P but does not set the policy counters
                return e.setPolicy(p.chain, p.policy, null);
            }
            default -> {
                return list(p, e, current, out);
            }
        }
    }

    private static List<String> allNames(TableModel m) {
        return m.chains().stream().map(ChainModel::name).toList();
    }

    private static XtError zero(Parsed p, TableEdit e, StringBuilder out, boolean verbose, List<String> chains) {
        for (String c : chains) {
            XtError err = e.zero(c, p.command == Parsed.CMD_ZERO_NUM ? p.rulenum : 0);
            if (err != null) {
                return err;
            }
            if (verbose && p.command != Parsed.CMD_ZERO_NUM) {
                out.append("Zeroing chain `").append(c).append("'\n");
            }
        }
        return null;
    }

    /** {@code -L} and {@code -S}, then {@code -Z} if combined. */
    private static XtError list(Parsed p, TableEdit e, TableModel m, StringBuilder out) {
        if (p.chain != null && m.chain(p.chain).isEmpty()) {
            throw new IncompatibleChain();
        }
        if ((p.command & Parsed.CMD_LIST) != 0) {
            listTable(p, m, out);
        } else {
            listRules(p, m, out);
        }
        if ((p.command & (Parsed.CMD_ZERO | Parsed.CMD_ZERO_NUM)) != 0) {
            e.materializeAll();
            boolean verbose = p.verbose > 0;
            return zero(p, e, out, verbose, p.chain != null ? List.of(p.chain) : allNames(m));
        }
        return null;
    }

    static int listFormat(Parsed p) {
        int format = RulePrinter.FMT_OPTIONS;
        if (p.verbose == 0) {
            format |= RulePrinter.FMT_NOCOUNTS;
        } else {
            format |= RulePrinter.FMT_VIA;
        }
        if (p.has(Parsed.OPT_NUMERIC)) {
            format |= RulePrinter.FMT_NUMERIC;
        }
        if (!p.has(Parsed.OPT_EXPANDED)) {
            format |= RulePrinter.FMT_KILOMEGAGIGA;
        }
        if (p.has(Parsed.OPT_LINENUMBERS)) {
            format |= RulePrinter.FMT_LINENUMBERS;
        }
        return format;
    }

    private static void listTable(Parsed p, TableModel m, StringBuilder out) {
        int format = listFormat(p);
        boolean first = true;
        for (ChainModel c : m.chains()) {
            if (p.chain != null && !c.name().equals(p.chain)) {
                continue;
            }
            if (p.rulenum > 0) {
                if (p.rulenum <= c.rules().size()) {
                    RulePrinter.rule(out, c.rules().get(p.rulenum - 1), p.rulenum, format);
                }
                continue;
            }
            if (!first) {
                out.append('\n');
            }
            first = false;
            RulePrinter.header(out, format, c, m.references(c.name()));
            int n = 1;
            for (Rule r : c.rules()) {
                RulePrinter.rule(out, r, n++, format);
            }
        }
    }

    private static void listRules(Parsed p, TableModel m, StringBuilder out) {
        boolean counters = p.verbose > 0;
        if (p.rulenum > 0) {
            ChainModel c = m.chain(p.chain).orElseThrow();
            if (p.rulenum <= c.rules().size()) {
                out.append(RulePrinter.appendLine(c.name(), c.rules().get(p.rulenum - 1), counters));
            }
            return;
        }
        for (ChainModel c : m.chains()) {
            if (p.chain != null && !c.name().equals(p.chain)) {
                continue;
            }
            if (c.isBuiltin()) {
                out.append("-P ").append(c.name()).append(' ').append(c.policy().name());
                if (counters) {
                    out.append(" -c ").append(c.policyCounter().packets()).append(' ')
                            .append(c.policyCounter().bytes());
                }
                out.append('\n');
            } else {
                out.append("-N ").append(c.name()).append('\n');
            }
        }
        for (ChainModel c : m.chains()) {
            if (p.chain != null && !c.name().equals(p.chain)) {
                continue;
            }
            for (Rule r : c.rules()) {
                out.append(RulePrinter.appendLine(c.name(), r, counters));
            }
        }
    }
}
