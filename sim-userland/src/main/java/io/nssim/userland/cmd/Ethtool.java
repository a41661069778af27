package io.nssim.userland.cmd;

import io.nssim.core.dev.EthtoolOps;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ethtool 6.1: {@code -i} (driver information, the driver's {@code get_drvinfo}), {@code -k} (features),
 * {@code -S} (the driver's statistics) and {@code -P} (the permanent address) of a device in the process's
 * namespace, with ethtool's texts and exit codes for a missing device, a driver without the answer, and a bad
 * command line. Other modes are refused with an nssim message.
 *
 * <p>{@code -k} prints the device's NETIF_F_* features in ethtool's order. The engine does not model
 * features bit by bit; the table (resource {@code ethtool-features.txt}) is what Linux 6.18 reports for each
 * kind. On 6.18 netns-local is a private flag, not a feature, so no {@code netns-local} line appears.
 */
public final class Ethtool implements Program {
    /** {@code EX_OSERR}-like status of a failed ioctl (ethtool's {@code do_gdrv}). */
    private static final int DRVINFO_FAILED = 71;
    private static final int NO_STATS = 94;
    private static final int STATS_STRINGS_FAILED = 96;
    private static final Map<String, List<String>> FEATURES = loadFeatures();

    private enum Mode { DRIVER, FEATURES, STATISTICS, PERMADDR }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.size() == 1 && (args.get(0).equals("--version") || args.get(0).equals("-V"))) {
            proc.out().print("ethtool version 6.1\n");
            return Outcome.exit(0);
        }
        if (args.isEmpty()) {
            return badArgs(proc);
        }
        String opt = args.get(0);
        Mode mode = switch (opt) {
            case "-i", "--driver" -> Mode.DRIVER;
            case "-k", "--show-features", "--show-offload" -> Mode.FEATURES;
            case "-S", "--statistics" -> Mode.STATISTICS;
            case "-P", "--show-permaddr" -> Mode.PERMADDR;
            default -> null;
        };
        if (mode == null) {
            if (opt.startsWith("-") && KNOWN_OTHER.contains(opt)) {
                proc.out().print("nssim: ethtool " + opt + " is not simulated\n");
                return Outcome.exit(2);
            }
            if (!opt.startsWith("-") && args.size() == 1) {
                proc.out().print("nssim: ethtool DEVNAME (link settings) is not simulated\n");
                return Outcome.exit(2);
            }
            return badArgs(proc);
        }
        // These modes take exactly the device name.
        if (args.size() != 2) {
            return badArgs(proc);
        }
        String name = args.get(1);
        NetDevice dev = proc.kernel().netdev().getByName(proc.task().net(), name);
        return switch (mode) {
            case DRIVER -> driver(proc, dev);
            case FEATURES -> features(proc, name, dev);
            case STATISTICS -> statistics(proc, dev);
            case PERMADDR -> permaddr(proc, dev);
        };
    }

    private static final List<String> KNOWN_OTHER = List.of("-K", "--features", "--offload", "-l", "-L",
            "--show-channels", "--set-channels", "-g", "-G", "--show-ring", "--set-ring", "-a", "-A", "-c", "-C",
            "-s", "--change", "-T", "--show-time-stamping", "-d", "-e", "-p", "-r", "-t", "-x", "-X", "-n", "-N",
            "-w", "-W", "-f", "-m", "--show-priv-flags", "--set-priv-flags", "--show-eee", "--set-eee");

    private static Outcome badArgs(Proc proc) {
        proc.out().print("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
        return Outcome.exit(1);
    }

    /** {@code do_gdrv}: ETHTOOL_GDRVINFO, EOPNOTSUPP for a driver without {@code get_drvinfo}. */
    private static Outcome driver(Proc proc, NetDevice dev) {
        if (dev == null) {
            proc.out().print("Cannot get driver information: No such device\n");
            return Outcome.exit(DRVINFO_FAILED);
        }
        EthtoolOps ops = dev.ethtoolOps();
        Optional<EthtoolOps.DrvInfo> info = ops == null ? Optional.empty() : ops.getDrvinfo(dev);
        if (info.isEmpty()) {
            proc.out().print("Cannot get driver information: Operation not supported\n");
            return Outcome.exit(DRVINFO_FAILED);
        }
        EthtoolOps.DrvInfo d = info.get();
        boolean stats = !ops.getEthtoolStats(dev).isEmpty();
        proc.out().print("driver: " + d.driver() + "\n"
                + "version: " + d.version() + "\n"
                + "firmware-version: " + d.fwVersion() + "\n"
                + "expansion-rom-version: \n"
                + "bus-info: " + d.busInfo() + "\n"
                + "supports-statistics: " + (stats ? "yes" : "no") + "\n"
                + "supports-test: no\n"
                + "supports-eeprom-access: no\n"
                + "supports-register-dump: no\n"
                + "supports-priv-flags: no\n");
        return Outcome.exit(0);
    }

    /** {@code do_gfeatures} over netlink (ETHTOOL_MSG_FEATURES_GET). */
    private static Outcome features(Proc proc, String name, NetDevice dev) {
        if (dev == null) {
            // The netlink request names the device; the kernel's extack points at that attribute.
            proc.out().print("netlink error: no device matches name (offset 24)\nnetlink error: No such device\n");
            return Outcome.exit(1);
        }
        List<String> lines = FEATURES.get(dev.kind());
        if (lines == null) {
            proc.out().print("nssim: ethtool -k of a " + dev.kind() + " device is not simulated\n");
            return Outcome.exit(2);
        }
        StringBuilder sb = new StringBuilder("Features for ").append(name).append(":\n");
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    /** {@code do_gnicstats}: ETHTOOL_GSSET_INFO, then the strings and the values. */
    private static Outcome statistics(Proc proc, NetDevice dev) {
        if (dev == null) {
            proc.out().print("Cannot get stats strings information: No such device\n");
            return Outcome.exit(STATS_STRINGS_FAILED);
        }
        List<EthtoolOps.Stat> stats = dev.ethtoolOps() == null ? List.of() : dev.ethtoolOps().getEthtoolStats(dev);
        if (stats.isEmpty()) {
            proc.out().print("no stats available\n");
            return Outcome.exit(NO_STATS);
        }
        StringBuilder sb = new StringBuilder("NIC statistics:\n");
        for (EthtoolOps.Stat s : stats) {
            sb.append("     ").append(s.name()).append(": ").append(Long.toUnsignedString(s.value())).append('\n');
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    /** {@code do_permaddr}: {@code dev->perm_addr}, "not set" when the driver set none (every virtual kind). */
    private static Outcome permaddr(Proc proc, NetDevice dev) {
        if (dev == null) {
            proc.out().print("netlink error: No such device\n");
            return Outcome.exit(1);
        }
        MacAddress perm = dev.permAddress();
        proc.out().print("Permanent address: " + (perm == null ? "not set" : perm.toString()) + "\n");
        return Outcome.exit(0);
    }

    /** The feature table: {@code [kind]} headers, then that kind's lines as ethtool prints them. */
    private static Map<String, List<String>> loadFeatures() {
        String text;
        try (InputStream in = Ethtool.class.getResourceAsStream("ethtool-features.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource ethtool-features.txt");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> cur = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                cur = new ArrayList<>();
                m.put(line.substring(1, line.length() - 1), cur);
            } else if (cur != null) {
                cur.add(line);
            }
        }
        return Map.copyOf(m);
    }
}
