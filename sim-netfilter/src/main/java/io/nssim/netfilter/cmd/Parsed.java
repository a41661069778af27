package io.nssim.netfilter.cmd;

import com.google.common.collect.ImmutableList;
import io.nssim.netfilter.xt.RuleSpec;

/** An iptables command line after {@code do_parse}: the command, its chain and options, the rules it names. */
final class Parsed {
    static final int CMD_INSERT = 1;
    static final int CMD_DELETE = 1 << 1;
    static final int CMD_DELETE_NUM = 1 << 2;
    static final int CMD_REPLACE = 1 << 3;
    static final int CMD_APPEND = 1 << 4;
    static final int CMD_LIST = 1 << 5;
    static final int CMD_FLUSH = 1 << 6;
    static final int CMD_ZERO = 1 << 7;
    static final int CMD_NEW_CHAIN = 1 << 8;
    static final int CMD_DELETE_CHAIN = 1 << 9;
    static final int CMD_SET_POLICY = 1 << 10;
    static final int CMD_RENAME_CHAIN = 1 << 11;
    static final int CMD_LIST_RULES = 1 << 12;
    static final int CMD_ZERO_NUM = 1 << 13;
    static final int CMD_CHECK = 1 << 14;

    static final int OPT_NUMERIC = 1;
    static final int OPT_SOURCE = 1 << 1;
    static final int OPT_DESTINATION = 1 << 2;
    static final int OPT_PROTOCOL = 1 << 3;
    static final int OPT_JUMP = 1 << 4;
    static final int OPT_VERBOSE = 1 << 5;
    static final int OPT_EXPANDED = 1 << 6;
    static final int OPT_VIANAMEIN = 1 << 7;
    static final int OPT_VIANAMEOUT = 1 << 8;
    static final int OPT_LINENUMBERS = 1 << 9;
    static final int OPT_COUNTERS = 1 << 10;
    static final int OPT_FRAGMENT = 1 << 11;

    int command;
    String chain;
    String newName;
    String policy;
    int rulenum;
    String table = "filter";
    int options;
    int verbose;
    /** The jump or goto target name as given (chain or standard verdict), or null. */
    String jumpto;
    boolean isGoto;
    long pcnt;
    long bcnt;
    /** One rule per source and destination address combination ({@code -s a,b}). */
    ImmutableList<RuleSpec> specs = ImmutableList.of();
    /** The target is a user chain name (not a verdict or an extension). */
    boolean jumpsToChain;

    boolean has(int opt) {
        return (options & opt) != 0;
    }
}
