package io.nssim.userland.iproute2.print;

import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.macvlan.Macvlan;
import io.nssim.devices.macvlan.MacvlanMode;

/**
 * What {@code ip -d link} shows beyond the generic device: queue counts, GSO/TSO/GRO limits, promiscuity and
 * the kind's own attributes ({@code IFLA_INFO_DATA}). The engine does not model these; the values here are
 * the ones Linux 6.18 reports for each kind on the recording machine (2 possible CPUs), and are constant.
 */
record LinkDetails(int numTxQueues, int numRxQueues, int promiscuity, int allmulti) {
    /** {@code GSO_LEGACY_MAX_SIZE}. */
    static final int GSO_MAX_SIZE = 65536;
    /** {@code GSO_MAX_SEGS}. */
    static final int GSO_MAX_SEGS = 65535;
    /** {@code GSO_MAX_SIZE}, the limit veth and loopback set; a bridge reports its own ({@link #tsoMaxSize}). */
    static final int TSO_MAX_SIZE = 524280;
    static final int TSO_MAX_SEGS = 65535;
    static final int GRO_MAX_SIZE = 65536;
    /** veth allocates one queue per possible CPU. */
    static final int POSSIBLE_CPUS = 2;

    static LinkDetails of(NetDevice dev) {
        int queues = dev.kind().equals("veth") ? POSSIBLE_CPUS : 1;
        // The counters count every request: the user's (promisc on) and a bridge's for its ports (br_add_if).
        return new LinkDetails(queues, queues, dev.promiscuity(), dev.allmulti());
    }

    /** {@code dev->tso_max_size}: a bridge's follows its ports ({@code br_set_gso_limits}). */
    static int tsoMaxSize(NetDevice dev) {
        return dev instanceof Bridge br ? br.tsoMaxSize() : TSO_MAX_SIZE;
    }

    /** {@code br_dump_bridge_id}: priority 0x8000, then the MAC with unpadded hex bytes ("8000.2:0:0:0:b:1"). */
    static String bridgeId(io.nssim.core.dev.MacAddress mac) {
        StringBuilder sb = new StringBuilder("8000.");
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(mac.octet(i) & 0xFF));
        }
        return sb.toString();
    }

    /** {@code _print_timer} of a timer that is not running: "%4i.%.2i" in text, a plain number in JSON. */
    private static void timer(JsonPrint p, String key, String label) {
        p.decimal(Mode.JSON, key, null, "0.00");
        p.raw(label + "    0.00 ");
    }

    /**
     * {@code macvlan_print_opt}: the mode, {@code nopromisc}, the broadcast queue lengths (requested and used:
     * the driver's default 1000, not configurable here) and, in source mode, the number of remote MACs.
     */
    private static void printMacvlanData(JsonPrint p, Macvlan m) {
        p.openObject("info_data");
        p.string(Mode.ANY, "mode", "mode %s ", m.mode().word());
        if (m.nopromisc()) {
            p.bool(Mode.FP, null, "nopromisc ", true);
            p.bool(Mode.JSON, "nopromisc", null, true);
        }
        p.integer(Mode.ANY, "bcqueuelen", "bcqueuelen %u ", 1000);
        p.integer(Mode.ANY, "usedbcqueuelen", "usedbcqueuelen %u ", 1000);
        if (m.mode() == MacvlanMode.SOURCE) {
            p.integer(Mode.ANY, "macaddr_count", "remotes (%u) ", 0);
        }
        p.closeObject();
    }

    void printKindData(JsonPrint p, NetDevice dev, Kernel kernel) {
        if (dev instanceof Macvlan m) {
            printMacvlanData(p, m);
            return;
        }
        if (!dev.kind().equals("bridge")) {
            return;
        }
        String id = bridgeId(((Bridge) dev).bridgeId());
        p.openObject("info_data");
        p.integer(Mode.ANY, "forward_delay", "forward_delay %u ", 1500);
        p.integer(Mode.ANY, "hello_time", "hello_time %u ", 200);
        p.integer(Mode.ANY, "max_age", "max_age %u ", 2000);
        p.integer(Mode.ANY, "ageing_time", "ageing_time %u ", 30000);
        p.integer(Mode.ANY, "stp_state", "stp_state %u ", 0);
        p.integer(Mode.ANY, "priority", "priority %u ", 32768);
        p.integer(Mode.ANY, "vlan_filtering", "vlan_filtering %u ", 0);
        p.string(Mode.ANY, "bridge_id", "bridge_id %s ", id);
        p.string(Mode.ANY, "root_id", "designated_root %s ", id);
        p.integer(Mode.ANY, "root_port", "root_port %u ", 0);
        p.integer(Mode.ANY, "root_path_cost", "root_path_cost %u ", 0);
        p.integer(Mode.ANY, "topology_change", "topology_change %u ", 0);
        p.integer(Mode.ANY, "topology_change_detected", "topology_change_detected %u ", 0);
        timer(p, "hello_timer", "hello_timer");
        timer(p, "tcn_timer", "tcn_timer");
        timer(p, "topology_change_timer", "topology_change_timer");
        timer(p, "gc_timer", "gc_timer");
        p.string(Mode.ANY, "group_fwd_mask", "group_fwd_mask %s ", "0");
        p.string(Mode.ANY, "group_addr", "group_address %s ", "01:80:c2:00:00:00");
        p.integer(Mode.ANY, "mcast_snooping", "mcast_snooping %u ", 1);
        p.integer(Mode.ANY, "no_linklocal_learn", "no_linklocal_learn %u ", 0);
        p.integer(Mode.ANY, "mcast_vlan_snooping", "mcast_vlan_snooping %u ", 0);
        p.integer(Mode.ANY, "mcast_router", "mcast_router %u ", 1);
        p.integer(Mode.ANY, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr %u ", 0);
        p.integer(Mode.ANY, "mcast_querier", "mcast_querier %u ", 0);
        p.integer(Mode.ANY, "mcast_hash_elasticity", "mcast_hash_elasticity %u ", 16);
        p.integer(Mode.ANY, "mcast_hash_max", "mcast_hash_max %u ", 4096);
        p.integer(Mode.ANY, "mcast_last_member_cnt", "mcast_last_member_count %u ", 2);
        p.integer(Mode.ANY, "mcast_startup_query_cnt", "mcast_startup_query_count %u ", 2);
        p.integer(Mode.ANY, "mcast_last_member_intvl", "mcast_last_member_interval %u ", 100);
        p.integer(Mode.ANY, "mcast_membership_intvl", "mcast_membership_interval %u ", 26000);
        p.integer(Mode.ANY, "mcast_querier_intvl", "mcast_querier_interval %u ", 25500);
        p.integer(Mode.ANY, "mcast_query_intvl", "mcast_query_interval %u ", 12500);
        p.integer(Mode.ANY, "mcast_query_response_intvl", "mcast_query_response_interval %u ", 1000);
        p.integer(Mode.ANY, "mcast_startup_query_intvl", "mcast_startup_query_interval %u ", 3124);
        p.integer(Mode.ANY, "mcast_stats_enabled", "mcast_stats_enabled %u ", 0);
        p.integer(Mode.ANY, "mcast_igmp_version", "mcast_igmp_version %u ", 2);
        p.integer(Mode.ANY, "mcast_mld_version", "mcast_mld_version %u ", 1);
        p.integer(Mode.ANY, "nf_call_iptables", "nf_call_iptables %u ", 0);
        p.integer(Mode.ANY, "nf_call_ip6tables", "nf_call_ip6tables %u ", 0);
        p.integer(Mode.ANY, "nf_call_arptables", "nf_call_arptables %u ", 0);
        p.closeObject();
    }

    void printSlaveData(JsonPrint p, NetDevice dev, Kernel kernel) {
        if (!dev.master().kind().equals("bridge")) {
            return;
        }
        NetDevice br = dev.master();
        int portNo = kernel.netdev().lowerDevices(br).indexOf(dev) + 1;
        String id = bridgeId(((Bridge) br).bridgeId());
        p.openObject("info_slave_data");
        p.string(Mode.ANY, "state", "state %s ", br.isUp() && dev.isUp() ? "forwarding" : "disabled");
        p.integer(Mode.ANY, "priority", "priority %d ", 32);
        p.integer(Mode.ANY, "cost", "cost %d ", 2);
        p.bool(Mode.FP, null, "hairpin off ", false);
        p.bool(Mode.JSON, "hairpin", null, false);
        p.bool(Mode.FP, null, "guard off ", false);
        p.bool(Mode.JSON, "guard", null, false);
        p.bool(Mode.FP, null, "root_block off ", false);
        p.bool(Mode.JSON, "root_block", null, false);
        p.bool(Mode.FP, null, "fastleave off ", false);
        p.bool(Mode.JSON, "fastleave", null, false);
        p.bool(Mode.FP, null, "learning on ", true);
        p.bool(Mode.JSON, "learning", null, true);
        p.bool(Mode.FP, null, "flood on ", true);
        p.bool(Mode.JSON, "flood", null, true);
        p.string(Mode.ANY, "id", "port_id %s ", String.format("0x%x", 0x8000 + portNo));
        p.string(Mode.ANY, "no", "port_no %s ", String.format("0x%x", portNo));
        p.integer(Mode.ANY, "designated_port", "designated_port %u ", 0x8000 + portNo);
        p.integer(Mode.ANY, "designated_cost", "designated_cost %u ", 0);
        p.string(Mode.ANY, "bridge_id", "designated_bridge %s ", id);
        p.string(Mode.ANY, "root_id", "designated_root %s ", id);
        timer(p, "hold_timer", "hold_timer");
        timer(p, "message_age_timer", "message_age_timer");
        timer(p, "forward_delay_timer", "forward_delay_timer");
        p.integer(Mode.ANY, "topology_change_ack", "topology_change_ack %u ", 0);
        p.integer(Mode.ANY, "config_pending", "config_pending %u ", 0);
        p.bool(Mode.FP, null, "proxy_arp off ", false);
        p.bool(Mode.JSON, "proxy_arp", null, false);
        p.bool(Mode.FP, null, "proxy_arp_wifi off ", false);
        p.bool(Mode.JSON, "proxy_arp_wifi", null, false);
        p.integer(Mode.ANY, "multicast_router", "mcast_router %u ", 1);
        // iproute2 prints no JSON for this one: fast_leave was printed already.
        p.bool(Mode.FP, null, "mcast_fast_leave off ", false);
        p.bool(Mode.FP, null, "mcast_flood on ", true);
        p.bool(Mode.JSON, "mcast_flood", null, true);
        p.bool(Mode.FP, null, "bcast_flood on ", true);
        p.bool(Mode.JSON, "bcast_flood", null, true);
        p.bool(Mode.FP, null, "mcast_to_unicast off ", false);
        p.bool(Mode.JSON, "mcast_to_unicast", null, false);
        p.bool(Mode.FP, null, "neigh_suppress off ", false);
        p.bool(Mode.JSON, "neigh_suppress", null, false);
        p.string(Mode.ANY, "group_fwd_mask", "group_fwd_mask %s ", "0");
        p.string(Mode.JSON, "group_fwd_mask_str", null, "0x0");
        p.raw("group_fwd_mask_str 0x0 ");
        p.bool(Mode.FP, null, "vlan_tunnel off ", false);
        p.bool(Mode.JSON, "vlan_tunnel", null, false);
        p.bool(Mode.FP, null, "isolated off ", false);
        p.bool(Mode.JSON, "isolated", null, false);
        p.bool(Mode.FP, null, "locked off ", false);
        p.bool(Mode.JSON, "locked", null, false);
        p.closeObject();
    }
}
