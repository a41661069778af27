package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.core.libc.Strtol;
import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.LinkPrinter;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ip link} (ip/iplink.c and the link half of ip/ipaddress.c): add, delete, set and show. Arguments are
 * parsed the way {@code iplink_parse} parses them, keyword by keyword in its order with its prefix matching,
 * so a bare device name that happens to prefix a keyword ("a", "b", "vf") is taken as that keyword, as on
 * Linux. The request then goes to the engine's rtnetlink operations.
 */
final class IpLink {
    private static final int IFNAMSIZ = 16;
    private final IpRun ip;

    IpLink(IpRun ip) {
        this.ip = ip;
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-link-help.txt"));
        return new IpExit(255);
    }

    int doIplink(Args a) {
        if (!a.has()) {
            return listLink(List.of());
        }
        String cmd = a.cur();
        List<String> rest = a.rest().subList(1, a.left());
        if (matches(cmd, "add")) {
            return modify(Op.ADD, rest);
        }
        if (matches(cmd, "set") || matches(cmd, "change")) {
            return modify(Op.SET, rest);
        }
        if (matches(cmd, "replace")) {
            return modify(Op.REPLACE, rest);
        }
        if (matches(cmd, "delete")) {
            return modify(Op.DELETE, rest);
        }
        if (matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list")) {
            return listLink(rest);
        }
        if (matches(cmd, "xstats") || matches(cmd, "afstats") || matches(cmd, "property")) {
            ip.err("nssim: \"ip link " + cmd + "\" is not simulated\n");
            return -1;
        }
        if (matches(cmd, "help")) {
            throw usage();
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip link help\".\n");
        throw new IpExit(255);
    }

    enum Op { ADD, SET, REPLACE, DELETE }

    // ---- small parsers from lib/utils.c ----

    /** {@code get_integer(&val, arg, 0)}: strtol with base auto-detection, the whole word, int range. */
    static Optional<Integer> getInteger(String s) {
        Optional<Long> v = strtol(s);
        if (v.isEmpty() || v.get() < Integer.MIN_VALUE || v.get() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of((int) (long) v.get());
    }

    /** {@code get_unsigned}. */
    static Optional<Long> getUnsigned(String s) {
        Optional<Long> v = strtol(s);
        if (v.isEmpty() || v.get() < 0 && !s.strip().startsWith("-") || v.get() > 0xFFFFFFFFL) {
            return Optional.empty();
        }
        long r = v.get();
        if (r < 0) {
            r = r & 0xFFFFFFFFL;
            if (-v.get() > 0xFFFFFFFFL) {
                return Optional.empty();
            }
        }
        return Optional.of(r);
    }

    /** strtol(s, &end, 0) requiring the whole string: leading blanks, sign, 0x / 0 prefixes. */
    static Optional<Long> strtol(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Strtol.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        if (i >= s.length()) {
            return Optional.empty();
        }
        long v = 0;
        int start = i;
        for (; i < s.length(); i++) {
            int d = Strtol.digit(s.charAt(i), radix);
            if (d < 0) {
                return Optional.empty();
            }
            v = v * radix + d;
            if (v > (1L << 40)) {
                return Optional.empty();
            }
        }
        if (i == start) {
            return Optional.empty();
        }
        return Optional.of(neg ? -v : v);
    }

    /** {@code ll_addr_a2n}: colon-separated hex bytes; the number of bytes, or empty (message printed). */
    private Optional<byte[]> llAddr(String arg) {
        if (arg.contains(".")) {
            ip.err("\"" + arg + "\" is invalid lladdr.\n");
            return Optional.empty();
        }
        byte[] buf = new byte[32];
        String rest = arg;
        int i;
        for (i = 0; i < 32; i++) {
            int colon = rest.indexOf(':');
            String part = colon >= 0 ? rest.substring(0, colon) : rest;
            Optional<Long> v = scanHex(part);
            if (v.isEmpty() || v.get() < 0 || v.get() > 255) {
                ip.err("\"" + part + "\" is invalid lladdr.\n");
                return Optional.empty();
            }
            buf[i] = (byte) (long) v.get();
            if (colon < 0) {
                break;
            }
            rest = rest.substring(colon + 1);
        }
        byte[] out = new byte[Math.min(i + 1, 32)];
        System.arraycopy(buf, 0, out, 0, out.length);
        return Optional.of(out);
    }

    /** {@code sscanf(s, "%x")}: leading blanks, optional sign and 0x, then as many hex digits as there are. */
    private static Optional<Long> scanHex(String s) {
        int i = 0;
        while (i < s.length() && Strtol.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i + 2 < s.length() + 0 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Strtol.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        long v = 0;
        int start = i;
        while (i < s.length() && Strtol.digit(s.charAt(i), 16) >= 0 && v < (1L << 36)) {
            v = v * 16 + Strtol.digit(s.charAt(i), 16);
            i++;
        }
        if (i == start) {
            return Optional.empty();
        }
        return Optional.of(neg ? -v : v);
    }

    private static MacAddress mac(byte[] b) {
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return new MacAddress(bits);
    }

    /** {@code __check_ifname}: not empty, no '/' and no blanks. */
    private static boolean checkAltIfname(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                return false;
            }
        }
        return true;
    }

    private static boolean checkIfname(String name) {
        return name.length() < IFNAMSIZ && checkAltIfname(name);
    }

    /** {@code ll_name_to_index} in the ip process's namespace, including the "ifN" form; 0 when unknown. */
    private int nameToIndex(String name) {
        NetDevice d = getLink(name);
        if (d != null) {
            return d.ifindex();
        }
        if (name.startsWith("if") && name.length() > 2 && name.substring(2).matches("[0-9]{1,9}")) {
            return Integer.parseInt(name.substring(2));
        }
        return 0;
    }

    /**
     * {@code ll_link_get}: an RTM_GETLINK by name, as iproute2 resolves a device name; null when there is none.
     * Like every link message the kernel fills, the reply may allocate an nsid in the requester's namespace
     * (the engine's {@code rtnlGetlink}).
     */
    private NetDevice getLink(String name) {
        Result<NetDevice> d = ip.kernel.netdev().rtnlGetlink(ip.net(), name);
        return d.isOk() ? d.get() : null;
    }

    // ---- iplink_parse ----

    /** Where {@code netns X} points: a named namespace (IFLA_NET_NS_FD) or a pid (IFLA_NET_NS_PID). */
    record NetnsArg(Net net, int pid) {
    }

    /** What {@code iplink_parse} put into the request. */
    static final class Req {
        boolean flagUp;
        boolean up;
        String name;
        String dev;
        String link;
        int index;
        byte[] address;
        Integer mtu;
        Integer qlen;
        NetnsArg netns;
        Integer master;
        /** IFLA_LINK_NETNSID. */
        Integer linkNetnsid;
        String alias;
        int group = -1;
        String type;
        final List<String> unsupported = new ArrayList<>();
        /** How many words the parse consumed. */
        int consumed;
    }

    /** {@code iplink_parse}: returns the request, or null after printing an error (status 1). */
    private Req parse(List<String> argv, boolean create) {
        Req r = new Req();
        int argc = argv.size();
        int i = 0;
        while (i < argc) {
            String w = argv.get(i);
            if (w.equals("up")) {
                r.flagUp = true;
                r.up = true;
            } else if (w.equals("down")) {
                r.flagUp = true;
                r.up = false;
            } else if (w.equals("name")) {
                String v = next(argv, ++i);
                if (r.name != null) {
                    throw ip.duparg("name", v);
                }
                if (!checkIfname(v)) {
                    throw ip.invarg("\"name\" not a valid ifname", v);
                }
                r.name = v;
                if (r.dev == null) {
                    r.dev = r.name;
                }
            } else if (w.equals("index")) {
                String v = next(argv, ++i);
                if (r.index != 0) {
                    throw ip.duparg("index", v);
                }
                r.index = atoi(v);
                if (r.index <= 0) {
                    throw ip.invarg("Invalid \"index\" value", v);
                }
            } else if (matches(w, "link")) {
                r.link = next(argv, ++i);
                r.unsupported.add("link");
            } else if (matches(w, "address")) {
                String v = next(argv, ++i);
                Optional<byte[]> b = llAddr(v);
                if (b.isEmpty()) {
                    return null;
                }
                r.address = b.get();
            } else if (matches(w, "broadcast") || w.equals("brd")) {
                String v = next(argv, ++i);
                if (llAddr(v).isEmpty()) {
                    return null;
                }
                r.unsupported.add("broadcast");
            } else if (matches(w, "txqueuelen") || w.equals("qlen") || matches(w, "txqlen")) {
                String v = next(argv, ++i);
                if (r.qlen != null) {
                    throw ip.duparg("txqueuelen", v);
                }
                Optional<Integer> n = getInteger(v);
                if (n.isEmpty()) {
                    throw ip.invarg("Invalid \"txqueuelen\" value\n", v);
                }
                r.qlen = n.get();
            } else if (w.equals("mtu")) {
                String v = next(argv, ++i);
                if (r.mtu != null) {
                    throw ip.duparg("mtu", v);
                }
                Optional<Integer> n = getInteger(v);
                if (n.isEmpty()) {
                    throw ip.invarg("Invalid \"mtu\" value\n", v);
                }
                r.mtu = n.get();
            } else if (w.equals("xdpgeneric") || w.equals("xdpdrv") || w.equals("xdpoffload") || w.equals("xdp")) {
                ip.err("nssim: \"" + w + "\" (XDP programs) is not simulated\n");
                throw new IpExit(255);
            } else if (w.equals("netns")) {
                String v = next(argv, ++i);
                if (r.netns != null) {
                    throw ip.duparg("netns", v);
                }
                Optional<Net> n = ip.openNetns(v);
                if (n.isPresent()) {
                    r.netns = new NetnsArg(n.get(), 0);
                } else {
                    Optional<Integer> pid = getInteger(v);
                    if (pid.isEmpty()) {
                        throw ip.invarg("Invalid \"netns\" value\n", v);
                    }
                    r.netns = new NetnsArg(null, pid.get());
                }
            } else if (w.equals("multicast") || w.equals("allmulticast") || w.equals("promisc")
                    || w.equals("trailers") || w.equals("arp")) {
                String v = next(argv, ++i);
                if (!v.equals("on") && !v.equals("off")) {
                    ip.err("Error: argument of \"" + w + "\" must be \"on\" or \"off\", not \"" + v + "\"\n");
                    return null;
                }
                r.unsupported.add(w);
            } else if (w.equals("carrier")) {
                String v = next(argv, ++i);
                if (!matches(v, "off") && !matches(v, "on")) {
                    ip.err("Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"" + v + "\"\n");
                    throw new IpExit(22);
                }
                r.unsupported.add("carrier");
            } else if (w.equals("vf")) {
                String v = next(argv, ++i);
                if (getInteger(v).isEmpty()) {
                    throw ip.invarg("Invalid \"vf\" value\n", v);
                }
                ip.err("nssim: \"vf\" (SR-IOV virtual functions) is not simulated\n");
                throw new IpExit(255);
            } else if (matches(w, "master")) {
                String v = next(argv, ++i);
                int idx = nameToIndex(v);
                if (idx == 0) {
                    throw ip.invarg("Device does not exist\n", v);
                }
                r.master = idx;
            } else if (w.equals("vrf")) {
                String v = next(argv, ++i);
                throw ip.invarg("Not a valid VRF name\n", v);
            } else if (matches(w, "nomaster")) {
                r.master = 0;
            } else if (matches(w, "dynamic")) {
                String v = next(argv, ++i);
                if (!v.equals("on") && !v.equals("off")) {
                    ip.err("Error: argument of \"dynamic\" must be \"on\" or \"off\", not \"" + v + "\"\n");
                    return null;
                }
                r.unsupported.add("dynamic");
            } else if (matches(w, "type")) {
                r.type = next(argv, ++i);
                i++;
                break;
            } else if (matches(w, "alias")) {
                String v = next(argv, ++i);
                if (v.length() >= 256) {
                    throw ip.invarg("alias too long\n", v);
                }
                r.alias = v;
            } else if (w.equals("group")) {
                String v = next(argv, ++i);
                if (r.group != -1) {
                    throw ip.duparg("group", v);
                }
                if (v.equals("default")) {
                    r.group = 0;
                } else {
                    Optional<Long> n = strtol(v);
                    if (n.isEmpty() || n.get() < 0 || n.get() > Integer.MAX_VALUE) {
                        throw ip.invarg("Invalid \"group\" value\n", v);
                    }
                    r.group = (int) (long) n.get();
                }
            } else if (w.equals("mode")) {
                String v = next(argv, ++i);
                if (!v.equals("default") && !v.equals("dormant")) {
                    throw ip.invarg("Invalid link mode\n", v);
                }
                r.unsupported.add("mode");
            } else if (w.equals("state")) {
                String v = next(argv, ++i);
                if (!Set.of("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP")
                        .contains(v.toUpperCase(java.util.Locale.ROOT))) {
                    throw ip.invarg("Invalid operstate\n", v);
                }
                r.unsupported.add("state");
            } else if (matches(w, "numtxqueues") || matches(w, "numrxqueues")) {
                String key = matches(w, "numtxqueues") ? "numtxqueues" : "numrxqueues";
                String v = next(argv, ++i);
                if (getInteger(v).isEmpty()) {
                    throw ip.invarg("Invalid \"" + key + "\" value\n", v);
                }
                r.unsupported.add(key);
            } else if (matches(w, "addrgenmode")) {
                String v = next(argv, ++i);
                if (!Set.of("eui64", "none", "stable_secret", "random").contains(v)) {
                    throw ip.invarg("Invalid address generation mode\n", v);
                }
                r.unsupported.add("addrgenmode");
            } else if (matches(w, "link-netns")) {
                String v = next(argv, ++i);
                if (r.linkNetnsid != null) {
                    throw ip.duparg("link-netns/link-netnsid", v);
                }
                // get_netnsid_from_name, and if there is none, "ip netns set NAME auto" first.
                Optional<Net> n = ip.openNetns(v);
                int id = n.isEmpty() ? -1 : ip.kernel.netns().peernet2id(ip.net(), n.get());
                if (id < 0 && n.isPresent()) {
                    ip.kernel.netns().setNsid(ip.net(), n.get(), -1);
                    id = ip.kernel.netns().peernet2id(ip.net(), n.get());
                }
                if (id < 0) {
                    throw ip.invarg("Invalid \"link-netns\" value\n", v);
                }
                r.linkNetnsid = id;
            } else if (matches(w, "link-netnsid")) {
                String v = next(argv, ++i);
                if (r.linkNetnsid != null) {
                    throw ip.duparg("link-netns/link-netnsid", v);
                }
                Optional<Integer> id = getInteger(v);
                if (id.isEmpty()) {
                    throw ip.invarg("Invalid \"link-netnsid\" value\n", v);
                }
                r.linkNetnsid = id.get();
            } else if (w.equals("protodown")) {
                String v = next(argv, ++i);
                if (!matches(v, "off") && !matches(v, "on")) {
                    ip.err("Error: argument of \"protodown\" must be one of \"off\", \"on\", not \"" + v + "\"\n");
                    throw new IpExit(22);
                }
                r.unsupported.add("protodown");
            } else if (w.equals("protodown_reason")) {
                next(argv, ++i);
                next(argv, ++i);
                r.unsupported.add("protodown_reason");
            } else if (w.equals("gso_max_size") || w.equals("gso_max_segs") || w.equals("gro_max_size")) {
                String v = next(argv, ++i);
                if (getUnsigned(v).isEmpty()) {
                    throw ip.invarg("Invalid \"" + w + "\" value\n", v);
                }
                r.unsupported.add(w);
            } else if (w.equals("parentdev")) {
                next(argv, ++i);
                r.unsupported.add("parentdev");
            } else {
                if (matches(w, "help")) {
                    throw usage();
                }
                String v = w;
                if (w.equals("dev")) {
                    v = next(argv, ++i);
                }
                if (!java.util.Objects.equals(r.dev, r.name)) {
                    throw ip.duparg2("dev", v);
                }
                if (!checkAltIfname(v)) {
                    throw ip.invarg("\"dev\" not a valid ifname", v);
                }
                r.dev = v;
            }
            i++;
        }
        r.consumed = i;
        if (r.name == null) {
            r.name = r.dev;
        } else if (r.dev == null) {
            r.dev = r.name;
        } else if (r.name.equals(r.dev)) {
            r.name = r.dev;
        }
        if (r.dev != null && r.address != null && !create) {
            NetDevice d = ip.kernel.netdev().getByName(ip.net(), r.dev);
            if (d != null && r.address.length != 6) {
                ip.err("Invalid address length " + r.address.length + " - must be 6 bytes\n");
                return null;
            }
        }
        if (r.index != 0 && !create && r.netns == null) {
            ip.err("index can be used only when creating devices or when moving device to another netns.\n");
            throw new IpExit(255);
        }
        if (r.group != -1 && r.dev == null) {
            if (r.consumed < argc) {
                ip.err("Garbage instead of arguments \"" + argv.get(r.consumed) + " ...\". Try \"ip link help\".\n");
                throw new IpExit(255);
            }
            if (create) {
                ip.err("group cannot be used when creating devices.\n");
                throw new IpExit(255);
            }
            r.unsupported.add("group (without dev)");
            r.type = null;
            return r;
        }
        if (!create) {
            if (r.dev == null) {
                ip.err("Not enough information: \"dev\" argument is required.\n");
                throw new IpExit(255);
            }
            if (nameToIndex(r.dev) == 0) {
                ip.err("Cannot find device \"" + r.dev + "\"\n");
                return null;
            }
            if (r.name == r.dev) {
                r.name = null;
            }
        } else {
            if (r.name != r.dev) {
                ip.err("both \"name\" and \"dev\" cannot be used when creating devices.\n");
                throw new IpExit(255);
            }
            if (r.link != null && nameToIndex(r.link) == 0) {
                ip.err("Cannot find device \"" + r.link + "\"\n");
                return null;
            }
        }
        return r;
    }

    private String next(List<String> argv, int i) {
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    private static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Strtol.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && Strtol.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, neg ? -v : v));
    }

    // ---- iplink_modify ----

    private int modify(Op op, List<String> argv) {
        boolean create = op == Op.ADD || op == Op.REPLACE;
        Req r = parse(argv, create);
        if (r == null) {
            return -1;
        }
        List<String> typeArgs = argv.subList(Math.min(r.consumed, argv.size()), argv.size());
        Req peer = null;
        if (r.type != null) {
            if (r.type.equals("veth") && !typeArgs.isEmpty()) {
                if (!typeArgs.get(0).equals("peer")) {
                    ip.err(IpRun.resource("ip-link-veth-help.txt"));
                    return -1;
                }
                List<String> peerArgs = typeArgs.subList(1, typeArgs.size());
                peer = parse(peerArgs, create);
                if (peer == null) {
                    return -1;
                }
                if (peer.type != null) {
                    throw ip.duparg("type", peerArgs.get(peer.consumed - 1));
                }
            } else if (r.type.equals("bridge") && !typeArgs.isEmpty()) {
                if (matches(typeArgs.get(0), "help")) {
                    ip.err("nssim: bridge options are not simulated\n");
                    return -1;
                }
                r.unsupported.add("bridge options (" + typeArgs.get(0) + ")");
            } else if (!typeArgs.isEmpty() && !knownKind(r.type)) {
                if (matches(typeArgs.get(0), "help")) {
                    throw usage();
                }
            }
        } else if (create) {
            ip.err("Not enough information: \"type\" argument is required\n");
            return -1;
        }
        if (!r.unsupported.isEmpty() || (peer != null && !peer.unsupported.isEmpty())) {
            String what = !r.unsupported.isEmpty() ? r.unsupported.get(0) : peer.unsupported.get(0);
            ip.err("nssim: \"" + what + "\" is not simulated by nssim's ip link\n");
            return -2;
        }
        return switch (op) {
            case ADD -> add(r, peer);
            case REPLACE -> replace(r);
            case DELETE -> delete(r);
            case SET -> set(r);
        };
    }

    private static boolean knownKind(String kind) {
        return kind.equals("veth") || kind.equals("dummy") || kind.equals("bridge");
    }

    /** The target of IFLA_NET_NS_FD / IFLA_NET_NS_PID as {@code rtnl_link_get_net} resolves it. */
    private Result<Net> resolveNetns(NetnsArg n) {
        if (n.net() != null) {
            return Result.ok(n.net());
        }
        Optional<Task> t = ip.kernel.tasks().byPid(n.pid());
        if (t.isEmpty() || t.get().net() == null) {
            return Result.err(Errno.ESRCH);
        }
        return Result.ok(t.get().net());
    }

    private int add(Req r, Req peer) {
        Net net = ip.net();
        if (r.netns != null) {
            Result<Net> n = resolveNetns(r.netns);
            if (n.isErr()) {
                ip.rtnlError(n.error());
                return -2;
            }
            net = n.get();
        }
        if (r.address != null && r.address.length != 6) {
            ip.rtnlError(KernelError.of(Errno.EINVAL));
            return -2;
        }
        if (r.mtu != null && r.mtu <= 0) {
            ip.rtnlError(KernelError.of(Errno.EINVAL, "mtu less than device minimum"));
            return -2;
        }
        if (r.qlen != null && r.qlen < 0) {
            ip.rtnlError(KernelError.of(Errno.ERANGE));
            return -2;
        }
        // ifi_index: rtnl_newlink looks the index (else the name) up in the target namespace (EEXIST).
        LinkRequest req = new LinkRequest(r.name == null ? "" : r.name, r.mtu == null ? 0 : r.mtu,
                r.address == null ? null : mac(r.address), r.qlen == null ? -1 : r.qlen, r.flagUp && r.up, null,
                com.google.common.collect.ImmutableMap.of(), r.index);
        // rtnl_newlink: IFLA_LINK_NETNSID names the link net relative to the destination namespace.
        Net linkNet = null;
        if (r.linkNetnsid != null) {
            linkNet = r.linkNetnsid < 0 ? null : net.nsids().peer(r.linkNetnsid);
            if (linkNet == null || !linkNet.isAlive()) {
                ip.rtnlError(KernelError.of(Errno.EINVAL, "Unknown network namespace id"));
                return -2;
            }
        }
        if (peer == null && linkNet != null && r.netns == null && r.type.equals("veth")) {
            // No peer clause: the peer's attributes are the request's own, its net the link net.
            req = req.withPeer(new LinkRequest.Peer("", linkNet, null, r.mtu == null ? 0 : r.mtu));
        }
        if (peer != null) {
            // A peer clause without netns puts the peer in the link net, else in the requester's namespace.
            Net peerNet = linkNet != null ? linkNet : ip.net();
            if (peer.netns != null) {
                Result<Net> n = resolveNetns(peer.netns);
                if (n.isErr()) {
                    ip.rtnlError(n.error());
                    return -2;
                }
                peerNet = n.get();
            }
            if (peer.mtu != null && peer.mtu <= 0) {
                ip.rtnlError(KernelError.of(Errno.EINVAL));
                return -2;
            }
            req = req.withPeer(new LinkRequest.Peer(peer.name == null ? "" : peer.name, peerNet,
                    peer.address == null ? null : mac(peer.address), peer.mtu == null ? 0 : peer.mtu, peer.index,
                    peer.flagUp && peer.up));
        }
        Result<NetDevice> d = ip.kernel.netdev().rtnlNewlink(net, r.type, req);
        if (d.isErr()) {
            ip.rtnlError(d.error());
            return -2;
        }
        NetDevice dev = d.get();
        if (r.alias != null) {
            ip.kernel.netdev().setAlias(dev, r.alias);
        }
        if (r.group > 0) {
            ip.kernel.netdev().setGroup(dev, r.group);
        }
        if (r.master != null && r.master != 0) {
            NetDevice m = ip.kernel.netdev().getByIndex(dev.net(), r.master);
            Result<Void> res = m == null ? Result.err(Errno.EINVAL) : ip.kernel.netdev().setMaster(dev, m);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        return 0;
    }

    private int replace(Req r) {
        NetDevice dev = r.name == null ? null : ip.kernel.netdev().getByName(ip.net(), r.name);
        if (dev != null) {
            ip.rtnlError(KernelError.of(Errno.EOPNOTSUPP));
            return -2;
        }
        return add(r, null);
    }

    private int delete(Req r) {
        NetDevice dev = ip.kernel.netdev().getByName(ip.net(), r.dev);
        if (dev == null) {
            ip.rtnlError(KernelError.of(Errno.ENODEV));
            return -2;
        }
        Result<Void> res = ip.kernel.netdev().rtnlDellink(dev);
        if (res.isErr()) {
            ip.rtnlError(res.error());
            return -2;
        }
        return 0;
    }

    /**
     * {@code do_setlink}, in the kernel's order: namespace move (with the new name as the clash pattern), MTU,
     * group, rename, alias, up/down, master, txqueuelen. What can be checked first is checked first, so a
     * refused request changes nothing.
     */
    private int set(Req r) {
        NetDevice dev = ip.kernel.netdev().getByName(ip.net(), r.dev);
        if (dev == null) {
            int idx = nameToIndex(r.dev);
            dev = idx == 0 ? null : ip.net().devices().byIndex(idx);
        }
        if (dev == null) {
            ip.rtnlError(KernelError.of(Errno.ENODEV));
            return -2;
        }
        var nd = ip.kernel.netdev();
        Net target = null;
        if (r.netns != null) {
            Result<Net> n = resolveNetns(r.netns);
            if (n.isErr()) {
                ip.rtnlError(n.error());
                return -2;
            }
            target = n.get();
        }
        // Whether do_setlink will move the device (the engine's setlinkNetns decides; this only orders the checks).
        boolean moving = target != null && target != dev.net();
        NetDevice master = null;
        if (r.master != null && r.master != 0) {
            master = dev.net().devices().byIndex(r.master);
            if (master == null) {
                ip.rtnlError(KernelError.of(Errno.EINVAL));
                return -2;
            }
        }
        // Checks that need no change made first.
        if (r.mtu != null && !moving) {
            Result<Void> v = nd.validateMtu(dev, r.mtu);
            if (v.isErr() && r.mtu != dev.mtu()) {
                ip.rtnlError(v.error());
                return -2;
            }
        }
        if (r.name != null && !moving && !r.name.equals(dev.name())) {
            Result<String> v = nd.getValidName(dev.net(), r.name);
            if (v.isErr()) {
                ip.rtnlError(v.error());
                return -2;
            }
        }
        if (r.address != null) {
            MacAddress a = mac(r.address);
            if (!a.isValidUnicast()) {
                ip.rtnlError(KernelError.of(Errno.EADDRNOTAVAIL));
                return -2;
            }
        }
        if (r.qlen != null && r.qlen < 0) {
            ip.rtnlError(KernelError.of(Errno.ERANGE));
            return -2;
        }
        if (target != null) {
            Result<Void> m = nd.setlinkNetns(dev, target, r.name, r.index);
            if (m.isErr()) {
                ip.rtnlError(m.error());
                return -2;
            }
        }
        Result<Void> res;
        if (r.address != null) {
            res = nd.setMacAddress(dev, mac(r.address));
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        if (r.mtu != null) {
            res = nd.setMtu(dev, r.mtu);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        if (r.group != -1) {
            nd.setGroup(dev, r.group);
        }
        if (r.name != null && target == null) {
            res = nd.changeName(dev, r.name);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        if (r.alias != null) {
            res = nd.setAlias(dev, r.alias);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        if (r.flagUp) {
            if (r.up) {
                res = nd.devOpen(dev);
                if (res.isErr()) {
                    ip.rtnlError(res.error());
                    return -2;
                }
            } else {
                nd.devClose(dev);
            }
        }
        if (r.master != null) {
            res = nd.setMaster(dev, master);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        if (r.qlen != null) {
            res = nd.setTxqlen(dev, r.qlen);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
        }
        return 0;
    }

    // ---- show ----

    private static final Set<String> ADDR_FLAGS = Set.of("secondary", "temporary", "nodad", "optimistic",
            "dadfailed", "home", "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin",
            "stable-privacy");

    /** {@code ipaddr_list_link}: the links of the ip process's namespace, filtered, in ifindex order. */
    private int listLink(List<String> argv) {
        String filterDev = null;
        boolean up = false;
        int master = 0;
        boolean nomaster = false;
        String kind = null;
        String slaveKind = null;
        int group = -1;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("to") || w.equals("scope") || w.equals("label")) {
                next(argv, ++i);
                if (w.equals("label")) {
                    // filter.label: links are not printed at all
                    kind = "\0label";
                }
            } else if (w.equals("up")) {
                up = true;
            } else if (isAddrFilter(w)) {
                // address flag filters do not apply to links
            } else if (w.equals("group")) {
                String v = next(argv, ++i);
                if (v.equals("default")) {
                    group = 0;
                } else {
                    Optional<Long> n = strtol(v);
                    if (n.isEmpty() || n.get() < 0) {
                        throw ip.invarg("Invalid \"group\" value\n", v);
                    }
                    group = (int) (long) n.get();
                }
            } else if (w.equals("master")) {
                String v = next(argv, ++i);
                int idx = nameToIndex(v);
                if (idx == 0) {
                    throw ip.invarg("Device does not exist\n", v);
                }
                master = idx;
            } else if (w.equals("vrf")) {
                String v = next(argv, ++i);
                throw ip.invarg("Not a valid VRF name\n", v);
            } else if (w.equals("nomaster")) {
                nomaster = true;
            } else if (w.equals("type")) {
                String v = next(argv, ++i);
                if (v.endsWith("_slave") && v.length() >= "_slave".length()) {
                    slaveKind = v.substring(0, v.length() - "_slave".length());
                } else {
                    kind = v;
                }
            } else {
                String v = w;
                if (w.equals("dev")) {
                    v = next(argv, ++i);
                } else if (matches(w, "help")) {
                    throw usage();
                }
                if (filterDev != null) {
                    throw ip.duparg2("dev", v);
                }
                filterDev = v;
            }
        }
        int filterIndex = 0;
        if (filterDev != null) {
            filterIndex = nameToIndex(filterDev);
            if (filterIndex <= 0) {
                ip.err("Device \"" + filterDev + "\" does not exist.\n");
                return -1;
            }
        }
        Net net = ip.net();
        List<NetDevice> devs = new ArrayList<>(net.devices().list());
        devs.sort(Comparator.comparingInt(NetDevice::ifindex));
        if (filterDev != null && group == -1) {
            NetDevice d = ip.kernel.netdev().getByName(net, filterDev);
            if (d == null) {
                d = net.devices().byIndex(filterIndex);
            }
            if (d == null) {
                ip.rtnlError(KernelError.of(Errno.ENODEV));
                ip.err("Cannot send link get request: No such device\n");
                throw new IpExit(1);
            }
            devs = List.of(d);
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        LinkPrinter printer = new LinkPrinter(ip.kernel, net, ip.opt, id -> new IpNetns(ip).nameOfNsid(id), true);
        for (NetDevice d : devs) {
            if (filterIndex != 0 && d.ifindex() != filterIndex) {
                continue;
            }
            if (up && !d.isUp()) {
                continue;
            }
            if (group != -1 && d.group() != group) {
                continue;
            }
            if (master > 0 && (d.master() == null || d.master().ifindex() != master)) {
                continue;
            }
            if (nomaster && d.master() != null) {
                continue;
            }
            if (kind != null && (d.linkOps() == null || !d.linkOps().kind().equals(kind))) {
                continue;
            }
            if (slaveKind != null && (d.master() == null || d.master().linkOps() == null
                    || !d.master().linkOps().kind().equals(slaveKind))) {
                continue;
            }
            p.openObject(null);
            printer.print(p, d, false);
            p.closeObject();
        }
        ip.out(p.close());
        return 0;
    }

    private static boolean isAddrFilter(String w) {
        String a = w.startsWith("-") ? w.substring(1) : w;
        return a.equals("dynamic") || a.equals("primary") || ADDR_FLAGS.contains(a);
    }
}
