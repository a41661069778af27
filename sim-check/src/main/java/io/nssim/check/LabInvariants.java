package io.nssim.check;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.SkbPool;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.bridge.BridgePort;
import io.nssim.devices.bridge.PortState;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.macvlan.Macvlan;
import io.nssim.devices.physical.PhysicalNic;
import io.nssim.devices.veth.Veth;

/**
 * The device model every {@link Lab} keeps between any two commands, on top of the kernel's own invariants
 * ({@code Kernel.checkInvariants()}). Rule ids are those of docs/rules-checker.md.
 */
public final class LabInvariants {
    private LabInvariants() {
    }

    /**
     * Every broken device-model rule of the lab's machine, in words: lo first in every live net, veth pairs
     * tied with carrier only when both ends are up, bridge ports in their bridge's net, NICs never deleted.
     * Safe to call while concurrent poll threads carry packets (it reads no packet counters).
     */
    public static ImmutableList<String> deviceModel(Lab lab) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        Kernel k = lab.kernel();
        for (Net net : k.netns().netList()) {
            if (!net.isAlive()) {
                continue;
            }
            NetDevice lo = Loopback.of(net);
            if (lo == null || lo.ifindex() != 1 || lo.regState() != RegState.REGISTERED) {
                b.add("LO-FIRST: " + net + " is alive without lo at ifindex 1 (" + lo + ")");
            }
            for (NetDevice d : net.devices().list()) {
                checkDevice(b, net, d);
            }
        }
        for (PhysicalNic nic : lab.nics()) {
            // A dying net keeps its NIC until the cleanup worker refunds it to init_net.
            NetState st = nic.net() == null ? null : nic.net().state();
            if (nic.regState() != RegState.REGISTERED || st == NetState.DEAD || st == NetState.FREED) {
                b.add("NIC-REFUND: the plugged-in NIC " + nic + " is " + nic.regState() + " in " + nic.net() + " ("
                        + nic.net().state() + "): physical devices are never deleted with a namespace");
            }
        }
        return b.build();
    }

    private static void checkDevice(ImmutableList.Builder<String> b, Net net, NetDevice d) {
        if (d.master() != null) {
            NetDevice m = d.master();
            if (m.regState() != RegState.REGISTERED || m.net() != net) {
                b.add("BRIDGE-PORT: " + d + " in " + net + " has master " + m + " in " + m.net() + " ("
                        + m.regState() + ")");
            } else if (m instanceof Bridge br && br.portOf(d) == null) {
                b.add("BRIDGE-PORT: " + d + " names " + br + " as master but is not one of its ports");
            }
        }
        if (d instanceof Veth v) {
            Veth p = v.peer();
            if (p == null || p.regState() != RegState.REGISTERED) {
                b.add("VETH-PAIR: " + v + " in " + net + " is registered without a registered peer (" + p + ")");
            } else {
                if (p.peer() != v) {
                    b.add("VETH-PAIR: " + v + "'s peer " + p + " points at " + p.peer());
                }
                if (v.iflink() != p.ifindex()) {
                    b.add("VETH-PAIR: " + v + " has iflink " + v.iflink() + ", its peer is ifindex " + p.ifindex());
                }
                boolean both = v.isUp() && p.isUp();
                if (v.carrier() != both) {
                    b.add("VETH-CARRIER: " + v + " has carrier " + v.carrier() + " but the ends are "
                            + (v.isUp() ? "UP" : "DOWN") + "/" + (p.isUp() ? "UP" : "DOWN"));
                }
            }
        }
        if (d instanceof Macvlan mv) {
            NetDevice low = mv.lower();
            if (low.regState() != RegState.REGISTERED) {
                b.add("MACVLAN-LOWER: " + mv + " in " + net + " is registered on " + low + ", which is "
                        + low.regState());
            } else if (low.packetState().rxHandlerData() == null || mv.iflink() != low.ifindex()) {
                b.add("MACVLAN-LOWER: " + mv + "'s lower " + low + " is not its macvlan port (iflink " + mv.iflink()
                        + ")");
            } else if (low.isUp() && mv.carrier() != low.carrier()) {
                // macvlan_device_event copies the carrier on the lower's UP, DOWN and CHANGE; linkwatch announces
                // CHANGE only for an up device, so a down lower's later carrier changes are not passed on.
                b.add("MACVLAN-CARRIER: " + mv + " has carrier " + mv.carrier() + ", its lower " + low + " "
                        + low.carrier());
            }
        }
        if (d instanceof Bridge br) {
            boolean forwarding = false;
            for (BridgePort port : br.ports()) {
                NetDevice pd = port.dev();
                if (pd.regState() != RegState.REGISTERED || pd.net() != net || pd.master() != br) {
                    b.add("BRIDGE-PORT: " + br + " in " + net + " has port " + pd + " (" + pd.regState() + ", in "
                            + pd.net() + ", master " + pd.master() + ")");
                }
                if (port.state() == PortState.FORWARDING) {
                    forwarding = true;
                    if (!pd.isUp()) {
                        b.add("BRIDGE-PORT: port " + pd + " of " + br + " forwards while DOWN");
                    }
                }
            }
            if (!br.ports().isEmpty() && br.carrier() != forwarding) {
                b.add("BRIDGE-CARRIER: " + br + " has carrier " + br.carrier() + " with "
                        + (forwarding ? "a" : "no") + " forwarding port");
            }
        }
    }

    /**
     * SKB-END: every packet allocated ends exactly once, consumed or dropped, and the drop monitor saw each end
     * the pool counted. (In concurrent mode, call this only once traffic has quiesced.)
     */
    public static ImmutableList<String> packetCounters(Kernel k) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        SkbPool pool = k.packet().pool();
        DropMonitor mon = k.packet().dropMonitor();
        if (pool.inFlight() < 0) {
            b.add("SKB-END: more packets ended than were allocated: " + pool);
        }
        if (mon.drops().total() != pool.dropped()) {
            b.add("SKB-END: the drop monitor counted " + mon.drops().total() + " drops, the pool " + pool.dropped());
        }
        if (mon.consumed() != pool.consumed()) {
            b.add("SKB-END: the drop monitor counted " + mon.consumed() + " consumptions, the pool "
                    + pool.consumed());
        }
        return b.build();
    }
}
