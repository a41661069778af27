package io.nssim.userland.iproute2;

import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.Ipv6;
import java.util.Optional;

/**
 * The argument helpers {@code ip address}, {@code ip route} and {@code ip neigh} share: lib/utils.c's
 * {@code get_prefix}/{@code get_addr} with their messages (exit 1), {@code ll_name_to_index} through
 * RTM_GETLINK, and the IPv4 module of the machine.
 */
final class InetArgs {
    private InetArgs() {
    }

    /** {@code get_prefix}: "Error: FAMILY prefix is expected rather than "ARG"." and exit 1 on failure. */
    static InetPrefix getPrefix(IpRun ip, String arg, int family) {
        if (family == 17) {
            ip.err("Error: \"" + arg + "\" may be inet prefix, but it is not allowed in this context.\n");
            throw new IpExit(1);
        }
        Optional<InetPrefix> p = InetPrefix.prefix1(arg, family);
        if (p.isEmpty()) {
            ip.err("Error: " + InetPrefix.familyNameVerbose(family) + " prefix is expected rather than \"" + arg
                    + "\".\n");
            throw new IpExit(1);
        }
        return p.get();
    }

    /** {@code get_addr}: "Error: FAMILY address is expected rather than "ARG"." and exit 1 on failure. */
    static InetPrefix getAddr(IpRun ip, String arg, int family) {
        if (family == 17) {
            ip.err("Error: \"" + arg + "\" may be inet address, but it is not allowed in this context.\n");
            throw new IpExit(1);
        }
        Optional<InetPrefix> p = InetPrefix.addr1(arg, family);
        if (p.isEmpty()) {
            ip.err("Error: " + InetPrefix.familyNameVerbose(family) + " address is expected rather than \"" + arg
                    + "\".\n");
            throw new IpExit(1);
        }
        return p.get();
    }

    /**
     * {@code ll_name_to_index}: the device named {@code name} in the ip process's namespace (an RTM_GETLINK,
     * which may allocate an nsid for the namespace of the device's peer), else the {@code ifN} form; null when
     * neither names a device.
     */
    static NetDevice device(IpRun ip, String name) {
        Result<NetDevice> d = ip.kernel.netdev().rtnlGetlink(ip.net(), name);
        if (d.isOk()) {
            return d.get();
        }
        if (name.startsWith("if") && name.length() > 2 && name.substring(2).matches("[0-9]{1,9}")) {
            return ip.net().devices().byIndex(Integer.parseInt(name.substring(2)));
        }
        return null;
    }

    /** The machine's IPv4 module (nssim's machine always loads it). */
    static Inet inet(IpRun ip) {
        return Inet.of(ip.kernel).orElseThrow(() -> new IllegalStateException("the IPv4 module is not loaded"));
    }

    /** The machine's IPv6 module, or null when the kernel was built without IPv6 (not loaded). */
    static Ipv6 ipv6(IpRun ip) {
        return Ipv6.of(ip.kernel).orElse(null);
    }

    /** {@code get_u32(&v, arg, 0)}: an unsigned 32-bit number, base auto-detected, the whole word. */
    static Optional<Long> getU32(String arg) {
        int[] end = new int[1];
        long v = InetPrefix.strtoul(arg, end);
        if (end[0] == 0 || end[0] != arg.length() || v < 0) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /**
     * {@code fnmatch(pattern, s, 0)}: {@code *}, {@code ?}, bracket expressions ({@code [a-z]}, {@code [!x]})
     * and backslash escapes; '/' and '.' are ordinary characters.
     */
    static boolean fnmatch(String pattern, String s) {
        return fnmatch(pattern, 0, s, 0);
    }

    private static boolean fnmatch(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (fnmatch(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int close = classEnd(p, pi);
                if (close > 0) {
                    if (!classMatches(p, pi + 1, close, s.charAt(si))) {
                        return false;
                    }
                    pi = close + 1;
                    si++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                c = p.charAt(pi);
            }
            if (c != s.charAt(si)) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** The index of the ']' closing the bracket expression at {@code open}, or -1 (then '[' is literal). */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            i++;
        }
        return i < p.length() ? i : -1;
    }

    private static boolean classMatches(String p, int from, int to, char c) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean hit = false;
        boolean first = true;
        while (i < to) {
            char lo = p.charAt(i);
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < to && p.charAt(i + 1) == '-') {
                char hi = p.charAt(i + 2);
                if (c >= lo && c <= hi) {
                    hit = true;
                }
                i += 3;
            } else {
                if (c == lo) {
                    hit = true;
                }
                i++;
            }
        }
        return hit != negate;
    }
}
