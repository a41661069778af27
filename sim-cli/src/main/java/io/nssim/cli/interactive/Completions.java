package io.nssim.cli.interactive;

import io.nssim.cli.Machine;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the interactive shell offers for completion, given the words typed before the cursor: commands, then
 * ip's objects and subcommands, namespace names where ip expects one, device names (of the namespace the
 * command will run in) where it expects a device, and link kinds after {@code type}. Pure: no terminal.
 */
public final class Completions {
    static final List<String> COMMANDS = List.of("ip", "sleep", "echo", "true", "false", "kill", "wait", "exit",
            "dmesg", "nssim", "ping", "sysctl", "cat", "iptables", "iptables-save", "iptables-restore", "ipset",
            "conntrack");
    static final List<String> IP_OBJECTS = List.of("link", "address", "route", "neigh", "netns", "monitor", "help");
    /** The verbs of ip address, ip route and ip neigh. */
    static final List<String> ADDR_CMDS = List.of("add", "change", "replace", "del", "show", "flush");
    static final List<String> ROUTE_CMDS = List.of("add", "change", "replace", "append", "prepend", "del", "show",
            "get", "flush");
    static final List<String> NEIGH_CMDS = List.of("add", "change", "replace", "del", "show", "get", "flush");
    static final List<String> IP_OPTIONS = List.of("-n", "-netns", "-j", "-json", "-p", "-pretty", "-br", "-brief",
            "-d", "-details", "-s", "-stats", "-o", "-oneline", "-4", "-6", "-all", "-V");
    static final List<String> NETNS_CMDS = List.of("list", "add", "attach", "delete", "exec", "identify", "pids",
            "set", "list-id", "monitor", "help");
    static final List<String> LINK_CMDS = List.of("show", "add", "set", "delete", "help");
    static final List<String> LINK_SET_WORDS = List.of("up", "down", "name", "mtu", "address", "netns", "master",
            "nomaster", "alias", "txqueuelen", "dev");
    static final List<String> LINK_ADD_WORDS = List.of("name", "type", "mtu", "address", "netns", "txqueuelen",
            "link-netns", "up");
    static final List<String> LINK_SHOW_WORDS = List.of("dev", "master", "nomaster", "type", "up");
    static final List<String> MONITOR_OBJECTS = List.of("link", "nsid", "all", "label", "all-nsid", "dev", "help");

    private final Machine machine;

    public Completions(Machine machine) {
        this.machine = machine;
    }

    /** The candidates for the word after {@code before} (the complete words typed so far). */
    public List<String> candidates(List<String> before) {
        // A command starts again after a pipe or list operator, and after ip netns exec NS.
        for (int k = before.size() - 1; k >= 0; k--) {
            if (java.util.Set.of("|", "|&", ";", "&&", "||", "&", "then", "do", "else", "{", "(").contains(before.get(k))) {
                return candidates(before.subList(k + 1, before.size()));
            }
        }
        if (before.size() >= 4 && before.get(0).equals("ip") && before.get(1).equals("netns")
                && before.get(2).equals("exec")) {
            return candidates(before.subList(4, before.size()));
        }
        if (before.isEmpty()) {
            return COMMANDS;
        }
        String cmd = before.get(0);
        if (cmd.equals("kill") || cmd.equals("wait")) {
            List<String> out = new ArrayList<>();
            machine.shell().jobs().forEach(j -> out.add("%" + j.number()));
            return out;
        }
        if (cmd.equals("nssim")) {
            return machine.nssim().complete(before.subList(1, before.size()));
        }
        if (!cmd.equals("ip")) {
            return List.of();
        }
        return ipCandidates(before.subList(1, before.size()));
    }

    private List<String> ipCandidates(List<String> args) {
        // Options first; -n takes a namespace name.
        int i = 0;
        String netns = null;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String o = args.get(i);
            if (o.equals("-n") || o.equals("-netns") || o.equals("--netns")) {
                if (i + 1 == args.size()) {
                    return namespaces();
                }
                netns = args.get(i + 1);
                i++;
            }
            i++;
        }
        if (i == args.size()) {
            List<String> out = new ArrayList<>(IP_OBJECTS);
            out.addAll(IP_OPTIONS);
            return out;
        }
        String object = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        Net net = netns == null ? machine.shell().task().net()
                : machine.kernel().nsfs().runNetns().lookup(netns).orElse(null);
        if (startsWith("netns", object)) {
            return netnsCandidates(rest);
        }
        if (startsWith("link", object)) {
            return linkCandidates(rest, net);
        }
        if (startsWith("address", object) || startsWith("route", object) || startsWith("neighbour", object)
                || startsWith("neighbor", object)) {
            if (rest.isEmpty()) {
                return startsWith("address", object) ? ADDR_CMDS : startsWith("route", object) ? ROUTE_CMDS
                        : NEIGH_CMDS;
            }
            String last = rest.get(rest.size() - 1);
            return last.equals("dev") || last.equals("oif") || last.equals("iif") ? devices(net) : List.of();
        }
        if (startsWith("monitor", object)) {
            String last = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
            return last.equals("dev") ? devices(net) : MONITOR_OBJECTS;
        }
        return List.of();
    }

    private List<String> netnsCandidates(List<String> rest) {
        if (rest.isEmpty()) {
            return NETNS_CMDS;
        }
        String sub = rest.get(0);
        if (rest.size() == 1 && (startsWith("delete", sub) || startsWith("exec", sub) || startsWith("pids", sub)
                || startsWith("set", sub))) {
            return namespaces();
        }
        if (rest.size() == 2 && startsWith("exec", sub)) {
            return COMMANDS;
        }
        if (rest.size() == 1 && startsWith("identify", sub)) {
            List<String> out = new ArrayList<>();
            machine.kernel().tasks().list().forEach(t -> out.add(Integer.toString(t.pid())));
            return out;
        }
        return List.of();
    }

    private List<String> linkCandidates(List<String> rest, Net net) {
        if (rest.isEmpty()) {
            return LINK_CMDS;
        }
        String sub = rest.get(0);
        String last = rest.get(rest.size() - 1);
        if (last.equals("netns")) {
            return namespaces();
        }
        if (last.equals("type")) {
            return new ArrayList<>(machine.kernel().linkKinds().keySet());
        }
        if (last.equals("dev") || last.equals("master")) {
            return devices(net);
        }
        if (startsWith("add", sub)) {
            return LINK_ADD_WORDS;
        }
        if (startsWith("set", sub) || startsWith("delete", sub)) {
            if (rest.size() == 1) {
                List<String> out = new ArrayList<>(devices(net));
                out.add("dev");
                return out;
            }
            return startsWith("set", sub) ? LINK_SET_WORDS : List.of("type");
        }
        if (startsWith("show", sub) || startsWith("list", sub)) {
            List<String> out = new ArrayList<>(devices(net));
            out.addAll(LINK_SHOW_WORDS);
            return out;
        }
        return List.of();
    }

    private static boolean startsWith(String keyword, String word) {
        return !word.isEmpty() && keyword.startsWith(word);
    }

    /** The names under /run/netns, newest first. */
    List<String> namespaces() {
        return List.copyOf(machine.kernel().nsfs().runNetns().names());
    }

    /** Device names in {@code net}, by ifindex. */
    static List<String> devices(Net net) {
        if (net == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        net.devices().list().stream().sorted(java.util.Comparator.comparingInt(NetDevice::ifindex))
                .forEach(d -> out.add(d.name()));
        return List.copyOf(out);
    }

    /**
     * The prompt: the namespace the shell runs in, named as {@code ip netns identify} would name it
     * (init_net when no /run/netns name refers to it), then "# " as root's prompt ends.
     */
    public String prompt() {
        return prompt(machine.shell());
    }

    /** The prompt of {@code shell} (a child shell entered with {@code ip netns exec NS bash}). */
    public String prompt(io.nssim.userland.shell.Shell shell) {
        Net net = shell.task().net();
        Optional<String> name = machine.kernel().nsfs().runNetns().namesOf(net).stream().reduce((a, b) -> b);
        String ns = name.orElse(net.isInitNet() ? "init_net" : net.toString());
        return "nssim [" + ns + "]# ";
    }
}
