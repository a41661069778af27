package io.nssim.devices.macvlan;

import java.util.Optional;

/** {@code enum macvlan_mode}: the IFLA_MACVLAN_MODE values and the words iproute2 uses for them. */
public enum MacvlanMode {
    /** Never talks to another macvlan of the same lower, not even through an external hairpin. */
    PRIVATE(1, "private"),
    /** Everything goes out of the lower; an external switch may send it back (the kernel default). */
    VEPA(2, "vepa"),
    /** Frames between bridge-mode macvlans of one lower are delivered inside the machine. */
    BRIDGE(4, "bridge"),
    /** The only macvlan of its lower, taking the lower's MAC and everything it receives. */
    PASSTHRU(8, "passthru"),
    /** Receives only frames whose source MAC is on its list. */
    SOURCE(16, "source");

    private final int value;
    private final String word;

    MacvlanMode(int value, String word) {
        this.value = value;
        this.word = word;
    }

    /** The IFLA_MACVLAN_MODE value. */
    public int value() {
        return value;
    }

    /** As {@code ip link ... type macvlan mode WORD} and {@code ip -d link} spell it. */
    public String word() {
        return word;
    }

    /** The mode iproute2 means by {@code word}, if any (exact match, as macvlan_parse_opt's strcmp). */
    public static Optional<MacvlanMode> ofWord(String word) {
        for (MacvlanMode m : values()) {
            if (m.word.equals(word)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
