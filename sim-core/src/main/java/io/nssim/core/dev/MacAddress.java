package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A 48-bit Ethernet address, held in the low bits of a long. */
public record MacAddress(long bits) {
    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    public MacAddress {
        checkArgument((bits & ~0xFFFF_FFFF_FFFFL) == 0, "not a 48-bit address: %s", bits);
    }

    /** {@code eth_random_addr}: random, unicast, locally administered. */
    public static MacAddress random(RandomGenerator rng) {
        long b = rng.nextLong() & 0xFFFF_FFFF_FFFFL;
        b &= ~(0x01L << 40); // clear multicast bit
        b |= 0x02L << 40; // set locally administered bit
        return new MacAddress(b);
    }

    /** Parses "aa:bb:cc:dd:ee:ff" (one or two hex digits per octet, as iproute2's ll_addr_a2n accepts). */
    public static Optional<MacAddress> parse(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length != 6) {
            return Optional.empty();
        }
        long b = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                return Optional.empty();
            }
            int v;
            try {
                v = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            b = (b << 8) | v;
        }
        return Optional.of(new MacAddress(b));
    }

    public boolean isMulticast() {
        return (bits & (0x01L << 40)) != 0;
    }

    public boolean isZero() {
        return bits == 0;
    }

    public boolean isBroadcast() {
        return bits == 0xFFFF_FFFF_FFFFL;
    }

    /** {@code is_valid_ether_addr}: neither multicast (which includes broadcast) nor all zeroes. */
    public boolean isValidUnicast() {
        return !isMulticast() && !isZero();
    }

    /** {@code memcmp} order of the six octets, as the bridge compares port addresses. */
    public int compareBytes(MacAddress other) {
        return Long.compare(bits, other.bits);
    }

    public byte octet(int i) {
        return (byte) (bits >>> (8 * (5 - i)));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", octet(i) & 0xFF));
        }
        return sb.toString();
    }
}
