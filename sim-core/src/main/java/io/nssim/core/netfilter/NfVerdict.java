package io.nssim.core.netfilter;

/** A hook's verdict ({@code NF_DROP}, {@code NF_ACCEPT}, {@code NF_STOLEN}); the number is the kernel's. */
public enum NfVerdict {
    /** Free the packet ({@code SKB_DROP_REASON_NETFILTER_DROP}) and stop. */
    DROP(0),
    /** Go on to the next hook, and after the last one continue the path. */
    ACCEPT(1),
    /** The hook took the packet (queued it, freed it itself); stop without freeing. */
    STOLEN(2);

    private final int number;

    NfVerdict(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
