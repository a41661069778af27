package io.nssim.cli.nssim;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.devices.bridge.BridgePort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine as the diagrams draw it: every allocated net (allocation order) with its devices (list order,
 * then those waiting to be freed), veth pairs and bridge ports as edges. Ids are positions, so the same
 * machine always gives the same ids.
 */
record MachineModel(List<NetNode> nets, List<Edge> edges) {

    /** One net: "n0" is init_net. */
    record NetNode(String id, String inode, String label, NetState state, int count, int passive,
                   List<DevNode> devices) {
    }

    /** One device; {@code state} is {@link Devs#shortState}. */
    record DevNode(String id, String name, int ifindex, String kind, String state, int refcnt, String master) {
    }

    /** A veth pair ("veth") or a bridge port to its bridge ("port"). */
    record Edge(DevNode a, DevNode b, String kind) {
    }

    static MachineModel of(Kernel k, Names names) {
        List<NetNode> nets = new ArrayList<>();
        Map<NetDevice, DevNode> nodes = new IdentityHashMap<>();
        List<NetDevice> order = new ArrayList<>();
        List<Net> allocated = k.netns().allocated();
        for (int i = 0; i < allocated.size(); i++) {
            Net net = allocated.get(i);
            List<DevNode> devs = new ArrayList<>();
            List<NetDevice> list = Devs.of(k, net);
            for (int j = 0; j < list.size(); j++) {
                NetDevice d = list.get(j);
                DevNode n = new DevNode("n" + i + "d" + j, d.name(), d.ifindex(), d.kind(), Devs.shortState(d),
                        d.refcnt().count(), d.master() == null ? null : d.master().name());
                devs.add(n);
                nodes.put(d, n);
                order.add(d);
            }
            nets.add(new NetNode("n" + i, net.toString(), names.shortLabel(net), net.state(), net.count().count(),
                    net.passive().count(), List.copyOf(devs)));
        }
        List<Edge> edges = new ArrayList<>();
        Set<NetDevice> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NetDevice d : order) {
            NetDevice peer = Devs.peer(d);
            if (peer != null && nodes.containsKey(peer) && !paired.contains(d)) {
                paired.add(d);
                paired.add(peer);
                edges.add(new Edge(nodes.get(d), nodes.get(peer), "veth"));
            }
            for (BridgePort p : Devs.ports(d)) {
                if (nodes.containsKey(p.dev())) {
                    edges.add(new Edge(nodes.get(p.dev()), nodes.get(d), "port"));
                }
            }
        }
        return new MachineModel(List.copyOf(nets), List.copyOf(edges));
    }
}
