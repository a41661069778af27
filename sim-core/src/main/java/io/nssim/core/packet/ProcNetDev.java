package io.nssim.core.packet;

import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.DeviceStats.Counter;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import java.util.Locale;

/** {@code /proc/net/dev} ({@code dev_seq_show}): every device of a net, in list order, with its counters. */
public final class ProcNetDev {
    public static final String HEADER =
            "Inter-|   Receive                                                |  Transmit\n"
            + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo"
            + " colls carrier compressed\n";

    private ProcNetDev() {
    }

    /** The file's text for {@code net}, as {@code cat /proc/net/dev} prints it there. Kernel thread. */
    public static String render(Net net) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (NetDevice dev : net.devices().list()) {
            sb.append(line(dev));
        }
        return sb.toString();
    }

    /** One device's line ({@code dev_seq_printf_stats}). */
    public static String line(NetDevice dev) {
        DeviceStats s = dev.stats();
        return String.format(Locale.ROOT,
                "%6s: %7d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d%n",
                dev.name(), s.get(Counter.RX_BYTES), s.get(Counter.RX_PACKETS), s.get(Counter.RX_ERRORS),
                s.get(Counter.RX_DROPPED) + s.get(Counter.RX_MISSED), 0, 0, 0, s.get(Counter.MULTICAST),
                s.get(Counter.TX_BYTES), s.get(Counter.TX_PACKETS), s.get(Counter.TX_ERRORS),
                s.get(Counter.TX_DROPPED), 0, s.get(Counter.COLLISIONS), s.get(Counter.TX_CARRIER), 0)
                .replace(System.lineSeparator(), "\n");
    }
}
