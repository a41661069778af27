package io.nssim.userland.iproute2;

/** {@code exit(status)} called deep inside an ip subcommand (invarg, usage, NEXT_ARG running out). */
final class IpExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    IpExit(int status) {
        super(null, null, false, false);
        this.status = status & 0xFF;
    }
}
