package io.nssim.inet.ipv4;

import java.util.ArrayList;
import java.util.List;

/** Names of {@code NUD_*} states as iproute2 prints them ({@code nud_state_n2a}). */
public final class NudStates {
    private NudStates() {
    }

    /** "REACHABLE", "STALE", ... ; "NONE" for 0; several bits joined by '|'. */
    public static String name(int state) {
        if (state == Neighbour.NUD_NONE) {
            return "NONE";
        }
        List<String> parts = new ArrayList<>();
        String[] names = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT"};
        for (int i = 0; i < names.length; i++) {
            if ((state & (1 << i)) != 0) {
                parts.add(names[i]);
            }
        }
        return String.join("|", parts);
    }

    /** The state named by iproute2's {@code nud NAME} ("permanent", "reachable", ...), or -1. */
    public static int parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "permanent" -> Neighbour.NUD_PERMANENT;
            case "reachable" -> Neighbour.NUD_REACHABLE;
            case "stale" -> Neighbour.NUD_STALE;
            case "delay" -> Neighbour.NUD_DELAY;
            case "probe" -> Neighbour.NUD_PROBE;
            case "failed" -> Neighbour.NUD_FAILED;
            case "incomplete" -> Neighbour.NUD_INCOMPLETE;
            case "noarp" -> Neighbour.NUD_NOARP;
            case "none" -> Neighbour.NUD_NONE;
            default -> -1;
        };
    }
}
