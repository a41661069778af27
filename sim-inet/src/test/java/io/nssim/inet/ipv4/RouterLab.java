package io.nssim.inet.ipv4;

import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;

/**
 * Three namespaces in a line, A - R - B, as in the recorded router scenario:
 * A {@code vcr 10.9.2.2/24}, R {@code vrc 10.9.2.1/24} and {@code vrb 10.9.1.1/24}, B {@code vbr 10.9.1.2/24};
 * A routes 10.9.1.0/24 via R, B routes 10.9.2.0/24 via R. R does not forward until told to.
 */
final class RouterLab implements AutoCloseable {
    static final int A = Ip4.parse("10.9.2.2");
    static final int R_A = Ip4.parse("10.9.2.1");
    static final int R_B = Ip4.parse("10.9.1.1");
    static final int B = Ip4.parse("10.9.1.2");

    final PacketLab lab;
    final Net a;
    final Net r;
    final Net b;
    final TestVeth vcr;
    final TestVeth vrc;
    final TestVeth vrb;
    final TestVeth vbr;

    RouterLab() {
        lab = PacketLab.create();
        a = lab.newNet();
        r = lab.newNet();
        b = lab.newNet();
        TestVeth[] ar = lab.veth(a, "vcr", r, "vrc");
        TestVeth[] rb = lab.veth(r, "vrb", b, "vbr");
        vcr = ar[0];
        vrc = ar[1];
        vrb = rb[0];
        vbr = rb[1];
        lab.addr(vcr, "10.9.2.2/24");
        lab.addr(vrc, "10.9.2.1/24");
        lab.addr(vrb, "10.9.1.1/24");
        lab.addr(vbr, "10.9.1.2/24");
        lab.up(vcr, vrc, vrb, vbr, lab.lo(a), lab.lo(r), lab.lo(b));
        lab.routeVia(a, "10.9.1.0/24", "10.9.2.1");
        lab.routeVia(b, "10.9.2.0/24", "10.9.1.1");
    }

    void forwarding(boolean on) {
        lab.sysctl(r, "net.ipv4.ip_forward", on ? "1" : "0");
    }

    @Override
    public void close() {
        lab.close();
    }
}
