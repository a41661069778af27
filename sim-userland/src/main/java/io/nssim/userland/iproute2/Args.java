package io.nssim.userland.iproute2;

import java.util.List;

/** An argv cursor with iproute2's {@code NEXT_ARG} semantics. */
final class Args {
    private final List<String> argv;
    private int i;

    Args(List<String> argv, int start) {
        this.argv = argv;
        this.i = start;
    }

    int left() {
        return argv.size() - i;
    }

    boolean has() {
        return i < argv.size();
    }

    String cur() {
        return argv.get(i);
    }

    /** argv[k] relative to the cursor, or null. */
    String peek(int k) {
        return i + k < argv.size() ? argv.get(i + k) : null;
    }

    void skip() {
        i++;
    }

    /** {@code NEXT_ARG()}: the next word, or "Command line is not complete" and exit 255. */
    String next(IpRun ip) {
        i++;
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    List<String> rest() {
        return argv.subList(Math.min(i, argv.size()), argv.size());
    }

    int pos() {
        return i;
    }
}
