package io.nssim.core.dev;

import java.util.ArrayList;
import java.util.List;

/** The {@code IFF_*} interface flags, with iproute2's names and print order. */
public final class IfFlags {
    public static final int UP = 0x1;
    public static final int BROADCAST = 0x2;
    public static final int DEBUG = 0x4;
    public static final int LOOPBACK = 0x8;
    public static final int POINTOPOINT = 0x10;
    public static final int NOTRAILERS = 0x20;
    public static final int RUNNING = 0x40;
    public static final int NOARP = 0x80;
    public static final int PROMISC = 0x100;
    public static final int ALLMULTI = 0x200;
    public static final int MASTER = 0x400;
    public static final int SLAVE = 0x800;
    public static final int MULTICAST = 0x1000;
    public static final int PORTSEL = 0x2000;
    public static final int AUTOMEDIA = 0x4000;
    public static final int DYNAMIC = 0x8000;
    public static final int LOWER_UP = 0x10000;
    public static final int DORMANT = 0x20000;
    public static final int ECHO = 0x40000;

    private static final int[] ORDER = {LOOPBACK, BROADCAST, POINTOPOINT, MULTICAST, NOARP, ALLMULTI, PROMISC,
        NOTRAILERS, DEBUG, DYNAMIC, AUTOMEDIA, PORTSEL, MASTER, SLAVE, UP, LOWER_UP, DORMANT, ECHO};
    private static final String[] NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "NOTRAILERS", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "MASTER", "SLAVE", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};

    private IfFlags() {
    }

    /** The flag names in the order iproute2's {@code print_link_flags} prints them. */
    public static List<String> names(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            if ((flags & ORDER[i]) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out;
    }
}
