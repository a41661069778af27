package io.nssim.cli.nssim;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.bridge.BridgePort;
import io.nssim.devices.veth.Veth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Facts about devices that several views share: where a device is, its peer, its ports, its state in words. */
final class Devs {
    private Devs() {
    }

    /**
     * The devices that belong to {@code net}: its list ({@code dev_base_head} order), then the ones unregistered
     * from it that still wait for their last reference (no longer listed anywhere, but not freed).
     */
    static List<NetDevice> of(Kernel k, Net net) {
        List<NetDevice> out = new ArrayList<>(net.devices().list());
        for (NetDevice d : k.netdev().todoDevices()) {
            if (d.net() == net && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** A device of {@code net} by name or altname; unregistered ones still waiting count too. */
    static Optional<NetDevice> find(Kernel k, Net net, String name) {
        NetDevice d = net.devices().byName(name);
        if (d != null) {
            return Optional.of(d);
        }
        for (NetDevice t : k.netdev().todoDevices()) {
            if (t.net() == net && name.equals(t.name())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The other end of a veth pair, or null (not a veth, or the pair has been cut). */
    static NetDevice peer(NetDevice d) {
        return d instanceof Veth v ? v.peer() : null;
    }

    /** A bridge's ports in port-number order; empty for other devices. */
    static List<BridgePort> ports(NetDevice d) {
        if (!(d instanceof Bridge b)) {
            return List.of();
        }
        List<BridgePort> ports = new ArrayList<>(b.ports());
        ports.sort(Comparator.comparingInt(BridgePort::portNo));
        return ports;
    }

    /** Whether the device is unregistered and waits in netdev_run_todo for its last references. */
    static boolean waiting(NetDevice d) {
        return d.regState() == RegState.UNREGISTERING || d.regState() == RegState.UNREGISTERED;
    }

    /** "UP", "DOWN", "UP, NO-CARRIER, LOWERLAYERDOWN", "unregistered, waiting (usage count 2)". */
    static String state(NetDevice d) {
        if (waiting(d)) {
            return "unregistered, waiting to be freed (usage count " + d.refcnt().count() + ")";
        }
        if (d.regState() != RegState.REGISTERED) {
            return d.regState().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (!d.isUp()) {
            return "DOWN";
        }
        StringBuilder sb = new StringBuilder("UP");
        if (!d.carrier()) {
            sb.append(", NO-CARRIER");
        }
        sb.append(", operstate ").append(d.operstate());
        return sb.toString();
    }

    /** A short state for diagrams: "UP", "DOWN", "NO-CARRIER", "waiting". */
    static String shortState(NetDevice d) {
        if (waiting(d)) {
            return "waiting";
        }
        if (!d.isUp()) {
            return "DOWN";
        }
        return d.carrier() ? "UP" : "NO-CARRIER";
    }
}
