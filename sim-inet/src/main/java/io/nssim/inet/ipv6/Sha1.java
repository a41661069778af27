package io.nssim.inet.ipv6;

/**
 * lib/crypto's {@code sha1_transform}: SHA-1's compression function over one 64-byte block from the standard
 * initial state, without padding or length, which is all {@code ipv6_generate_stable_address} runs. The JDK's
 * MessageDigest always pads, so it cannot stand in.
 */
final class Sha1 {
    private Sha1() {
    }

    /** The five digest words after one compression of {@code block} (64 bytes) from SHA-1's initial values. */
    static int[] transform(byte[] block) {
        int[] w = new int[80];
        for (int i = 0; i < 16; i++) {
            w[i] = (block[4 * i] & 0xFF) << 24 | (block[4 * i + 1] & 0xFF) << 16 | (block[4 * i + 2] & 0xFF) << 8
                    | (block[4 * i + 3] & 0xFF);
        }
        for (int i = 16; i < 80; i++) {
            w[i] = Integer.rotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }
        int h0 = 0x67452301;
        int h1 = 0xEFCDAB89;
        int h2 = 0x98BADCFE;
        int h3 = 0x10325476;
        int h4 = 0xC3D2E1F0;
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        int e = h4;
        for (int i = 0; i < 80; i++) {
            int f;
            int k;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int t = Integer.rotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = t;
        }
        return new int[] {h0 + a, h1 + b, h2 + c, h3 + d, h4 + e};
    }
}
