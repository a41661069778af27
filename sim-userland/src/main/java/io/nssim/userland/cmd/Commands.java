package io.nssim.userland.cmd;

import io.nssim.userland.shell.Programs;

/** Puts {@code ping}, {@code sysctl}, {@code cat} and {@code ethtool} on the simulated machine's PATH. */
public final class Commands {
    private Commands() {
    }

    public static void install(Programs programs) {
        programs.register("ping", new Ping());
        programs.register("sysctl", new Sysctl());
        programs.register("cat", new Cat());
        programs.register("ethtool", new Ethtool());
    }
}
