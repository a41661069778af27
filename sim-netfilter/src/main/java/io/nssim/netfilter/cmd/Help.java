package io.nssim.netfilter.cmd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Help texts (iptables 1.8.9 {@code -h}, ipset 7.17 {@code help}) as recorded from the real tools. */
final class Help {
    private Help() {
    }

    static String text(String prog) {
        return resource("iptables-help.txt").replace("@PROG@", prog);
    }

    /** A recorded help text shipped with the module. */
    static String resource(String name) {
        try (InputStream in = Help.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
