package io.nssim.core.net;

import io.nssim.core.pernet.PernetOperations;

/**
 * Breaks a net's state the way a bug in net_namespace.c would, for tests that check the invariant checker
 * notices. Only tests reach these: the methods they call are package-private to net.
 */
public final class NetCorruption {
    private NetCorruption() {
    }

    public static void setState(Net net, NetState s) {
        net.engineSetState(s);
    }

    public static void putNsid(Net net, int id, Net peer) {
        net.enginePutNsid(id, peer);
    }

    public static void markInitialized(Net net, PernetOperations ops, boolean done) {
        net.engineMarkInitialized(ops, done);
    }

    public static void freeGeneric(Net net, int id) {
        net.engineFreeGeneric(id);
    }

    public static void forgetCleanupWork(NetNamespaces netns) {
        netns.engineForgetCleanupWork();
    }
}
