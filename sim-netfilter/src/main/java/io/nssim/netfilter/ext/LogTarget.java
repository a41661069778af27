package io.nssim.netfilter.ext;

import io.nssim.core.Kernel;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtTarget;

/**
 * The LOG target ({@code xt_LOG} with {@code nf_log_syslog}): writes a line about the packet to the kernel
 * log in the kernel's format ({@code IN= OUT= MAC= SRC= DST= LEN= ... PROTO= ...}) and lets it go on. As in
 * the kernel, a net other than init_net logs only when init_net's {@code net.netfilter.nf_log_all_netns} is
 * 1. Building the line allocates; everything else on the path does not.
 *
 * @param level  syslog level 0-7 (default 4)
 * @param flags  {@link #TCPSEQ} | {@link #TCPOPT} | {@link #IPOPT} | {@link #UID}
 * @param prefix at most 29 characters
 */
public record LogTarget(int level, int flags, String prefix) implements XtTarget {
    public static final int TCPSEQ = 0x01;
    public static final int TCPOPT = 0x02;
    public static final int IPOPT = 0x04;
    public static final int UID = 0x08;
    /** {@code sizeof(prefix) - 1}. */
    public static final int MAX_PREFIX = 29;

    /** The level names of the listing, by level. */
    private static final String[] LEVELS = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    @Override
    public String name() {
        return "LOG";
    }

    /** {@code --log-level}: a number 0-7 or a syslog name; -1 if neither. */
    public static int parseLevel(String s) {
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '7') {
            return s.charAt(0) - '0';
        }
        return switch (s) {
            case "emerg", "panic" -> 0;
            case "alert" -> 1;
            case "crit" -> 2;
            case "error" -> 3;
            case "warning" -> 4;
            case "notice" -> 5;
            case "info" -> 6;
            case "debug" -> 7;
            default -> -1;
        };
    }

    @Override
    public int target(PacketContext p) {
        Kernel k = p.nf.kernel();
        if (!p.net.isInitNet() && !p.nf.module().logAllNetns()) {
            return Verdicts.XT_CONTINUE;
        }
        String line = format(p);
        k.packet().runDeferred(() -> k.printk(line));
        return Verdicts.XT_CONTINUE;
    }

    /** {@code nf_log_ip_packet}: the log line for the packet in {@code p}. */
    public String format(PacketContext p) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(prefix).append("IN=").append(p.in == null ? "" : p.in.name()).append(" OUT=")
                .append(p.out == null ? "" : p.out.name()).append(' ');
        SkBuff s = p.skb;
        if (p.in != null) {
            sb.append("MAC=");
            int mac = s.macHeader();
            if (mac >= 0 && mac < p.nh) {
                for (int i = mac; i < p.nh; i++) {
                    if (i > mac) {
                        sb.append(':');
                    }
                    hex2(sb, s.getU8(i));
                }
            }
            sb.append(' ');
        }
        dumpIp(sb, s, p.nh, p.end, true);
        if (s.mark() != 0) {
            sb.append("MARK=0x").append(Integer.toHexString(s.mark())).append(' ');
        }
        return sb.toString();
    }

    private static void hex2(StringBuilder sb, int v) {
        sb.append(Character.forDigit(v >>> 4, 16)).append(Character.forDigit(v & 0xF, 16));
    }

    private static void hexByte(StringBuilder sb, int v) {
        sb.append(Character.toUpperCase(Character.forDigit(v >>> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
    }

    /** {@code dump_ipv4_packet}; an ICMP error's quoted packet is dumped once, in brackets. */
    private void dumpIp(StringBuilder sb, SkBuff s, int o, int end, boolean outer) {
        if (o + 20 > end) {
            sb.append("TRUNCATED");
            return;
        }
        int ihl = (s.getU8(o) & 0xF) * 4;
        int tos = s.getU8(o + 1);
        int frag = s.getU16(o + 6);
        int proto = s.getU8(o + 9);
        sb.append("SRC=").append(Ipv4Text.format(s.getI32(o + 12))).append(" DST=")
                .append(Ipv4Text.format(s.getI32(o + 16))).append(' ');
        sb.append("LEN=").append(s.getU16(o + 2)).append(" TOS=0x");
        hexByte(sb, tos & 0x1E);
        sb.append(" PREC=0x");
        hexByte(sb, tos & 0xE0);
        sb.append(" TTL=").append(s.getU8(o + 8)).append(" ID=").append(s.getU16(o + 4)).append(' ');
        if ((frag & 0x8000) != 0) {
            sb.append("CE ");
        }
        if ((frag & 0x4000) != 0) {
            sb.append("DF ");
        }
        if ((frag & 0x2000) != 0) {
            sb.append("MF ");
        }
        int fragOff = frag & 0x1FFF;
        if (fragOff != 0) {
            sb.append("FRAG:").append(fragOff).append(' ');
        }
        if ((flags & IPOPT) != 0 && ihl > 20) {
            sb.append("OPT (");
            for (int i = o + 20; i < o + ihl && i < end; i++) {
                hexByte(sb, s.getU8(i));
            }
            sb.append(") ");
        }
        int l4 = o + ihl;
        int avail = end - l4;
        switch (proto) {
            case 6 -> {
                sb.append("PROTO=TCP ");
                if (fragOff != 0) {
                    break;
                }
                if (avail < 20) {
                    sb.append("INCOMPLETE [").append(Math.max(avail, 0)).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(s.getU16(l4)).append(" DPT=").append(s.getU16(l4 + 2)).append(' ');
                if ((flags & TCPSEQ) != 0) {
                    sb.append("SEQ=").append(s.getI32(l4 + 4) & 0xFFFF_FFFFL).append(" ACK=")
                            .append(s.getI32(l4 + 8) & 0xFFFF_FFFFL).append(' ');
                }
                sb.append("WINDOW=").append(s.getU16(l4 + 14)).append(' ');
                int b12 = s.getU8(l4 + 12);
                int fl = s.getU8(l4 + 13);
                sb.append("RES=0x");
                hex2(sb, (b12 & 0x0F));
                sb.append(' ');
                String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
                for (int b = 7; b >= 0; b--) {
                    if ((fl & (1 << b)) != 0) {
                        sb.append(names[b]).append(' ');
                    }
                }
                sb.append("URGP=").append(s.getU16(l4 + 18)).append(' ');
            }
            case 17 -> {
                sb.append("PROTO=UDP ");
                if (fragOff != 0) {
                    break;
                }
                if (avail < 8) {
                    sb.append("INCOMPLETE [").append(Math.max(avail, 0)).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(s.getU16(l4)).append(" DPT=").append(s.getU16(l4 + 2)).append(" LEN=")
                        .append(s.getU16(l4 + 4)).append(' ');
            }
            case 1 -> {
                sb.append("PROTO=ICMP ");
                if (fragOff != 0) {
                    break;
                }
                if (avail < 4) {
                    sb.append("INCOMPLETE [").append(Math.max(avail, 0)).append(" bytes] ");
                    return;
                }
                int type = s.getU8(l4);
                int code = s.getU8(l4 + 1);
                sb.append("TYPE=").append(type).append(" CODE=").append(code).append(' ');
                switch (type) {
                    case 0, 8 -> {
                        if (avail < 8) {
                            sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                            return;
                        }
                        sb.append("ID=").append(s.getU16(l4 + 4)).append(" SEQ=").append(s.getU16(l4 + 6))
                                .append(' ');
                    }
                    case 12 -> sb.append("PARAMETER=").append(s.getU8(l4 + 4)).append(' ');
                    case 5 -> sb.append("GATEWAY=").append(Ipv4Text.format(s.getI32(l4 + 4))).append(' ');
                    case 3, 4, 11 -> {
                        if (outer) {
                            sb.append('[');
                            dumpIp(sb, s, l4 + 8, end, false);
                            sb.append("] ");
                        }
                        if (type == 3 && code == 4) {
                            sb.append("MTU=").append(s.getU16(l4 + 6)).append(' ');
                        }
                    }
                    default -> {
                    }
                }
            }
            default -> sb.append("PROTO=").append(proto).append(' ');
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" LOG");
        if (numeric) {
            sb.append(" flags ").append(flags).append(" level ").append(level);
        } else {
            sb.append(" level ").append(LEVELS[level]);
            if ((flags & TCPSEQ) != 0) {
                sb.append(" tcp-sequence");
            }
            if ((flags & TCPOPT) != 0) {
                sb.append(" tcp-options");
            }
            if ((flags & IPOPT) != 0) {
                sb.append(" ip-options");
            }
            if ((flags & UID) != 0) {
                sb.append(" uid");
            }
        }
        if (!prefix.isEmpty()) {
            sb.append(" prefix \"").append(prefix).append('"');
        }
    }

    @Override
    public void save(StringBuilder sb) {
        if (!prefix.isEmpty()) {
            sb.append(" --log-prefix");
            SaveText.quote(sb, prefix);
        }
        if (level != 4) {
            sb.append(" --log-level ").append(level);
        }
        if ((flags & TCPSEQ) != 0) {
            sb.append(" --log-tcp-sequence");
        }
        if ((flags & TCPOPT) != 0) {
            sb.append(" --log-tcp-options");
        }
        if ((flags & IPOPT) != 0) {
            sb.append(" --log-ip-options");
        }
        if ((flags & UID) != 0) {
            sb.append(" --log-uid");
        }
    }
}
