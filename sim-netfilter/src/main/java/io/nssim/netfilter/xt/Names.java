package io.nssim.netfilter.xt;

import io.nssim.core.libc.Strtol;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The name databases iptables consults: IP protocols ({@code getprotobyname}, {@code /etc/protocols}) and
 * services ({@code getservbyname}, {@code /etc/services}) as Debian's netbase lists them, and the ICMP type
 * names of the icmp match. Immutable, shared.
 */
public final class Names {
    /** An ICMP type name with the codes it covers ({@code struct xt_icmp_names}). */
    public record IcmpName(String name, int type, int codeMin, int codeMax) {
    }

    public static final ImmutableList<IcmpName> ICMP = ImmutableList.of(
            new IcmpName("any", 0xFF, 0, 0xFF),
            new IcmpName("echo-reply", 0, 0, 0xFF),
            new IcmpName("pong", 0, 0, 0xFF),
            new IcmpName("destination-unreachable", 3, 0, 0xFF),
            new IcmpName("network-unreachable", 3, 0, 0),
            new IcmpName("host-unreachable", 3, 1, 1),
            new IcmpName("protocol-unreachable", 3, 2, 2),
            new IcmpName("port-unreachable", 3, 3, 3),
            new IcmpName("fragmentation-needed", 3, 4, 4),
            new IcmpName("source-route-failed", 3, 5, 5),
            new IcmpName("network-unknown", 3, 6, 6),
            new IcmpName("host-unknown", 3, 7, 7),
            new IcmpName("network-prohibited", 3, 9, 9),
            new IcmpName("host-prohibited", 3, 10, 10),
            new IcmpName("TOS-network-unreachable", 3, 11, 11),
            new IcmpName("TOS-host-unreachable", 3, 12, 12),
            new IcmpName("communication-prohibited", 3, 13, 13),
            new IcmpName("host-precedence-violation", 3, 14, 14),
            new IcmpName("precedence-cutoff", 3, 15, 15),
            new IcmpName("source-quench", 4, 0, 0xFF),
            new IcmpName("redirect", 5, 0, 0xFF),
            new IcmpName("network-redirect", 5, 0, 0),
            new IcmpName("host-redirect", 5, 1, 1),
            new IcmpName("TOS-network-redirect", 5, 2, 2),
            new IcmpName("TOS-host-redirect", 5, 3, 3),
            new IcmpName("echo-request", 8, 0, 0xFF),
            new IcmpName("ping", 8, 0, 0xFF),
            new IcmpName("router-advertisement", 9, 0, 0xFF),
            new IcmpName("router-solicitation", 10, 0, 0xFF),
            new IcmpName("time-exceeded", 11, 0, 0xFF),
            new IcmpName("ttl-exceeded", 11, 0, 0xFF),
            new IcmpName("ttl-zero-during-transit", 11, 0, 0),
            new IcmpName("ttl-zero-during-reassembly", 11, 1, 1),
            new IcmpName("parameter-problem", 12, 0, 0xFF),
            new IcmpName("ip-header-bad", 12, 0, 0),
            new IcmpName("required-option-missing", 12, 1, 1),
            new IcmpName("timestamp-request", 13, 0, 0xFF),
            new IcmpName("timestamp-reply", 14, 0, 0xFF),
            new IcmpName("address-mask-request", 17, 0, 0xFF),
            new IcmpName("address-mask-reply", 18, 0, 0xFF));

    private record Service(String name, int port, String proto, List<String> aliases) {
    }

    private static final ImmutableList<Service> SERVICES;
    private static final ImmutableMap<Integer, String> PROTO_BY_NUMBER;
    private static final ImmutableMap<String, Integer> PROTO_BY_NAME;

    static {
        List<Service> services = new ArrayList<>();
        Map<Integer, String> byNumber = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (String line : read("services.txt")) {
            String[] f = line.split("\\s+");
            String[] pp = f[1].split("/");
            List<String> aliases = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                aliases.add(f[i]);
            }
            services.add(new Service(f[0], Integer.parseInt(pp[0]), pp[1], List.copyOf(aliases)));
        }
        for (String line : read("protocols.txt")) {
            String[] f = line.split("\\s+");
            int n = Integer.parseInt(f[1]);
            byNumber.putIfAbsent(n, f[0]);
            for (int i = 0; i < f.length; i++) {
                if (i != 1) {
                    byName.putIfAbsent(f[i], n);
                }
            }
        }
        SERVICES = ImmutableList.copyOf(services);
        PROTO_BY_NUMBER = ImmutableMap.copyOf(byNumber);
        PROTO_BY_NAME = ImmutableMap.copyOf(byName);
    }

    private Names() {
    }

    private static List<String> read(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Names.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null;) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    lines.add(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * {@code proto_to_name} without lookups disabled: iptables' own names first (tcp, udp, icmp, all ...),
     * then {@code getprotobynumber}. Empty for an unnamed number.
     */
    public static Optional<String> protoName(int proto) {
        String own = switch (proto) {
            case 6 -> "tcp";
            case 132 -> "sctp";
            case 17 -> "udp";
            case 136 -> "udplite";
            case 1 -> "icmp";
            case 58 -> "ipv6-icmp";
            case 50 -> "esp";
            case 51 -> "ah";
            case 135 -> "mh";
            case 0 -> "all";
            default -> null;
        };
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(PROTO_BY_NUMBER.get(proto));
    }

    /** {@code xtables_parse_protocol}: a number 0-255 ({@code xtables_strtoui}, base 0), "all", or a name. */
    public static OptionalInt parseProto(String s) {
        java.util.OptionalLong n0 = Strtol.parseUnsigned(s, 0, 255);
        if (n0.isPresent()) {
            return OptionalInt.of((int) n0.getAsLong());
        }
        if (!s.isEmpty() && s.chars().allMatch(Strtol::isDigit)) {
            return OptionalInt.empty();
        }
        if (s.equals("all")) {
            return OptionalInt.of(0);
        }
        Integer n = PROTO_BY_NAME.get(s);
        if (n != null) {
            return OptionalInt.of(n);
        }
        return switch (s) {
            case "icmpv6" -> OptionalInt.of(58);
            case "ipv6-mh", "mh" -> OptionalInt.of(135);
            default -> OptionalInt.empty();
        };
    }

    /** {@code getservbyport(port, proto)}: the first name the services file gives. */
    public static Optional<String> serviceName(int port, String proto) {
        for (Service s : SERVICES) {
            if (s.port == port && s.proto.equals(proto)) {
                return Optional.of(s.name);
            }
        }
        return Optional.empty();
    }

    /** {@code getservbyname(name, proto)}: by name or alias. */
    public static OptionalInt servicePort(String name, String proto) {
        for (Service s : SERVICES) {
            if (s.proto.equals(proto) && (s.name.equals(name) || s.aliases.contains(name))) {
                return OptionalInt.of(s.port);
            }
        }
        return OptionalInt.empty();
    }

    /** {@code xtables_parse_port}: a number 0-65535 or a service name; empty when neither. */
    public static OptionalInt parsePort(String s, String proto) {
        // xtables_strtoui(port, NULL, &n, 0, UINT16_MAX): base 0 (0x16 is 22), ASCII digits only.
        java.util.OptionalLong n = Strtol.parseUnsigned(s, 0, 0xFFFF);
        if (n.isPresent()) {
            return OptionalInt.of((int) n.getAsLong());
        }
        if (!s.isEmpty() && s.chars().allMatch(Strtol::isDigit)) {
            return OptionalInt.empty();
        }
        if (proto == null) {
            return OptionalInt.empty();
        }
        return servicePort(s, proto);
    }

    /** A port for listing: its service name unless numeric or unnamed. */
    public static String port(int port, String proto, boolean numeric) {
        if (numeric || proto == null) {
            return String.valueOf(port);
        }
        return serviceName(port, proto).orElse(String.valueOf(port));
    }
}
