package io.nssim.netfilter.xt;

import java.util.Optional;

/** A built-in chain's policy: the verdict for a packet that falls off its end. */
public enum Policy {
    ACCEPT(Verdicts.NF_ACCEPT),
    DROP(Verdicts.NF_DROP);

    private final int verdict;

    Policy(int verdict) {
        this.verdict = verdict;
    }

    public int verdict() {
        return verdict;
    }

    public static Optional<Policy> byName(String s) {
        return switch (s) {
            case "ACCEPT" -> Optional.of(ACCEPT);
            case "DROP" -> Optional.of(DROP);
            default -> Optional.empty();
        };
    }
}
