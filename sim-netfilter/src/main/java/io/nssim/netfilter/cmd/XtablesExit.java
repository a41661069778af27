package io.nssim.netfilter.cmd;

/**
 * How an xtables program ends early ({@code xtables_error} / {@code exit_tryhelp}): the text it writes to
 * stderr and its exit status. Thrown inside the command implementations, caught at their entry points.
 */
final class XtablesExit extends RuntimeException {
    /** {@code enum xtables_exittype}. */
    static final int OTHER_PROBLEM = 1;
    static final int PARAMETER_PROBLEM = 2;
    static final int VERSION_PROBLEM = 3;
    static final int RESOURCE_PROBLEM = 4;

    private final int status;
    private final String text;

    XtablesExit(int status, String text) {
        super(text, null, false, false);
        this.status = status;
        this.text = text;
    }

    int status() {
        return status;
    }

    /** Everything it writes, newlines included. */
    String text() {
        return text;
    }
}
