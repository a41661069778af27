package io.nssim.netfilter.cmd;

/**
 * The error texts of an xtables program ({@code xtables_error}, {@code exit_tryhelp}) as iptables 1.8.9
 * (nf_tables) writes them, for {@code iptables} or, with a line number, {@code iptables-restore}.
 */
final class Msg {
    static final String VERSION = "1.8.9 (nf_tables)";

    private final String prog;
    private int line = -1;

    Msg(String prog) {
        this.prog = prog;
    }

    String prog() {
        return prog;
    }

    /** The restore line the next errors are about, or -1. */
    void line(int l) {
        this.line = l;
    }

    int line() {
        return line;
    }

    private String tryHelp() {
        return (line >= 0 ? "Error occurred at line: " + line + "\n" : "") + "Try `" + prog + " -h' or '" + prog
                + " --help' for more information.\n";
    }

    /** {@code PARAMETER_PROBLEM}: the message, then the try-help lines; exit 2. */
    XtablesExit param(String msg) {
        return new XtablesExit(XtablesExit.PARAMETER_PROBLEM, prog + " v" + VERSION + ": " + msg + "\n" + tryHelp());
    }

    /** {@code exit_tryhelp(2)} after a text of its own (e.g. "Bad argument `x'\n"). */
    XtablesExit tryhelp(String before) {
        return new XtablesExit(XtablesExit.PARAMETER_PROBLEM, before + tryHelp());
    }

    /** {@code OTHER_PROBLEM}: exit 1. */
    XtablesExit other(String msg) {
        return new XtablesExit(XtablesExit.OTHER_PROBLEM, prog + " v" + VERSION + ": " + msg + "\n");
    }

    /** {@code VERSION_PROBLEM}: exit 3. */
    XtablesExit version(String msg) {
        return new XtablesExit(XtablesExit.VERSION_PROBLEM, prog + " v" + VERSION + ": " + msg + "\nPerhaps " + prog
                + " or your kernel needs to be upgraded.\n");
    }

    /** {@code RESOURCE_PROBLEM}: exit 4. */
    XtablesExit resource(String msg) {
        return new XtablesExit(XtablesExit.RESOURCE_PROBLEM, prog + " v" + VERSION + ": " + msg + "\n");
    }
}
