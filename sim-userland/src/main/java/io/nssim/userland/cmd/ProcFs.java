package io.nssim.userland.cmd;

import io.nssim.core.Kernel;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.net.Net;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.Ipv6;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.NeighInfo;
import io.nssim.inet.ipv4.Neighbour;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The IPv4 and IPv6 modules' {@code /proc/net} files ({@code route}, {@code snmp}, {@code arp}, {@code if_inet6}),
 * mounted on the machine's RootFs by {@link #install}, and sysctl(8)'s view of {@code /proc/sys/net/...}: one
 * file per sysctl of the namespace, directories the key prefixes ({@link #lookup}).
 */
public final class ProcFs {
    /** What an open+read of a path gives: the text, or that it is a directory, or that it does not exist. */
    public sealed interface Node {
    }

    /** A file and its contents. */
    public record File(String text) implements Node {
    }

    /** A directory. */
    public record Dir() implements Node {
    }

    /** No such file or directory. */
    public record Missing() implements Node {
    }

    private static final String SYS = "/proc/sys/";

    private ProcFs() {
    }

    /** {@code a//b/./c/} -> {@code /a/b/c}; relative paths are taken from / (the shell's working directory). */
    static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    /** The sysctl key of a {@code /proc/sys/...} path, or empty for another path. */
    static Optional<String> sysctlKey(String normalised) {
        if (!normalised.startsWith(SYS)) {
            return Optional.empty();
        }
        return Optional.of(normalised.substring(SYS.length()).replace('/', '.'));
    }

    /** Mounts the IPv4 module's {@code /proc/net} files ({@code route}, {@code snmp}, {@code arp}) on {@code fs}. */
    public static void install(Kernel kernel, io.nssim.core.fs.RootFs fs) {
        fs.registerProcNet("route", net -> inet(kernel).procNetRoute(net));
        fs.registerProcNet("snmp", net -> inet(kernel).procNetSnmp(net));
        fs.registerProcNet("arp", net -> procNetArp(inet(kernel), net));
        Ipv6.of(kernel).ifPresent(v6 -> fs.registerProcNet("if_inet6", v6::procIfInet6));
    }

    /** Looks a {@code /proc/sys} {@code path} up in {@code net}'s view (what sysctl(8) opens). */
    public static Node lookup(Net net, String path) {
        String p = normalise(path);
        switch (p) {
            case "/proc", "/proc/net", "/proc/sys", "/proc/self", "/proc/self/net" -> {
                return new Dir();
            }
            default -> {
            }
        }
        Optional<String> key = sysctlKey(p);
        if (key.isEmpty()) {
            return new Missing();
        }
        String k = key.get();
        Optional<String> v = net.sysctls().get(k);
        if (v.isPresent()) {
            return new File(v.get() + "\n");
        }
        String prefix = k + ".";
        for (String existing : net.sysctls().snapshot().keySet()) {
            if (existing.startsWith(prefix)) {
                return new Dir();
            }
        }
        return new Missing();
    }

    private static Inet inet(Kernel kernel) {
        return Inet.of(kernel).orElseThrow(() -> new IllegalStateException("the IPv4 module is not loaded"));
    }

    /**
     * {@code /proc/net/arp} ({@code arp_seq_show}): every ARP entry but NOARP ones, hardware type 1, flags
     * ATF_COM (0x2) for a valid entry, ATF_PERM|ATF_COM (0x6) for a permanent one.
     */
    static String procNetArp(Inet inet, Net net) {
        StringBuilder sb = new StringBuilder(
                "IP address       HW type     Flags       HW address            Mask     Device\n");
        int valid = Neighbour.NUD_PERMANENT | Neighbour.NUD_REACHABLE | Neighbour.NUD_PROBE | Neighbour.NUD_STALE
                | Neighbour.NUD_DELAY;
        for (NeighInfo n : inet.neighbours(net)) {
            if ((n.state() & Neighbour.NUD_NOARP) != 0) {
                continue;
            }
            int flags = 0;
            if ((n.state() & Neighbour.NUD_PERMANENT) != 0) {
                flags = 0x6;
            } else if ((n.state() & valid) != 0) {
                flags = 0x2;
            }
            String hw = (n.state() & valid) != 0 && n.lladdr() >= 0 ? new MacAddress(n.lladdr()).toString()
                    : "00:00:00:00:00:00";
            sb.append(String.format(Locale.ROOT, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s%n", Ip4.format(n.dst()), 1,
                    flags, hw, "*", n.dev().name()).replace(System.lineSeparator(), "\n"));
        }
        return sb.toString();
    }
}
