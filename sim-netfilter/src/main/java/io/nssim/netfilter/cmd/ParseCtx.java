package io.nssim.netfilter.cmd;

import io.nssim.netfilter.NfNet;

/** What an extension's option parser may look at: the error texts, argv, the rule's protocol, the net. */
final class ParseCtx {
    final Msg msg;
    final Getopt g;
    final NfNet nf;
    /** The {@code -p} protocol so far (0: none), and whether it is negated. */
    int proto;
    boolean protoInv;
    boolean protoSet;

    ParseCtx(Msg msg, Getopt g, NfNet nf) {
        this.msg = msg;
        this.g = g;
        this.nf = nf;
    }

    /** The argument after the current option, for the options that take two ({@code --tcp-flags}). */
    String secondArg() {
        if (g.optind >= g.argc()) {
            return null;
        }
        String a = g.arg(g.optind);
        if (a.startsWith("-") || a.startsWith("!")) {
            return null;
        }
        g.optind++;
        return a;
    }
}
