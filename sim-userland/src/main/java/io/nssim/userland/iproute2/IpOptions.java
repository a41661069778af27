package io.nssim.userland.iproute2;

/** The global options of one {@code ip} invocation (ip.c's globals), as parsed from the command line. */
public final class IpOptions {
    /** {@code preferred_family}: 0 (AF_UNSPEC), 2 (inet), 10 (inet6), 17 (packet), ... */
    public int family;
    public int stats;
    public int details;
    public boolean oneline;
    public boolean brief;
    public boolean json;
    public boolean pretty;
    public boolean human;
    public boolean iec;
    public boolean timestamp;
    public boolean all;
    public boolean numeric;
    public boolean force;
    public boolean echo;
    public String batchFile;
}
