package io.nssim.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import io.nssim.core.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Big, long or strange inputs (issue 18): each runs to its end or is refused clearly, and nothing crashes. */
class ReliabilityTest {
    private final StringBuilder out = new StringBuilder();
    private Machine m;
    private int line;

    @BeforeEach
    void boot() {
        m = Machine.boot(1, out::append);
        m.shell().setScriptName("t.sh");
    }

    private int run(String cmd) {
        out.setLength(0);
        return m.shell().runLine(++line, cmd);
    }

    private void expect(int status, String text, String cmd) {
        assertEquals(status, run(cmd), () -> cmd + ": " + out);
        assertEquals(text, out.toString(), cmd);
    }

    // ---- numbers are read as the C tools read them ----

    @Test
    void shouldRefuseNonAsciiDigitsInAnAddressAsIproute2Does() {
        // Recorded by hand on Linux 6.18 / iproute2 6.1: strtoul sees no digit in U+0661.
        expect(1, "Error: any valid prefix is expected rather than \"١٠.٠.٠.٩/٢٤\".\n",
                "ip addr add ١٠.٠.٠.٩/٢٤ dev lo");
        run("ip -4 addr show dev lo");
        assertTrue(!out.toString().contains("10.0.0.9"), out::toString);
        expect(0, "", "ip addr add 010.0.0.9/0x18 dev lo"); // base 0: octal 010 is 8, 0x18 is 24
        run("ip -4 addr show dev lo");
        assertTrue(out.toString().contains("inet 8.0.0.9/24 "), out::toString);
    }

    @Test
    void shouldRefuseNonAsciiDigitsInMtuAndKeepCBases() {
        expect(255, "Error: argument \"١٥٠٠\" is wrong: Invalid \"mtu\" value\n\n", "ip link set lo mtu ١٥٠٠");
        expect(0, "", "ip link set lo mtu 0x5dc");
        run("ip link show lo");
        assertTrue(out.toString().contains(" mtu 1500 "), out::toString);
    }

    @Test
    void shouldRefuseFullwidthDigitsInIptablesRuleNumbersPortsAndIpsetHashsize() {
        assertTrue(run("iptables -I INPUT ２ -j ACCEPT") != 0, out::toString);
        assertTrue(run("iptables -A INPUT -p tcp --dport ２２ -j ACCEPT") != 0, out::toString);
        assertTrue(run("ipset create s hash:ip hashsize ١٠٢٤") != 0, out::toString);
        run("iptables-save");
        assertEquals("", out.toString(), "nothing was added");
        assertEquals(0, run("iptables -A INPUT -p tcp --dport 22 -j ACCEPT"), out::toString);
    }

    @Test
    void shouldRefuseNonAsciiPidsInNetnsIdentify() {
        expect(1, "Specified string '٦' is not a pid\n", "ip netns identify ٦");
    }

    // ---- GNU sleep and the end of virtual time ----

    @Test
    void shouldAcceptWhatGnuSleepAccepts() {
        long t0 = m.kernel().clock().nanoTime();
        expect(0, "", "sleep 0x10");
        expect(0, "", "sleep 1e1");
        expect(0, "", "sleep .5 1.5e0s 0x1p-1m");
        assertEquals(16 + 10 + 0.5 + 1.5 + 30, (m.kernel().clock().nanoTime() - t0) / 1e9, 1e-9);
        expect(1, "sleep: invalid time interval '\\331\\241'\nTry 'sleep --help' for more information.\n",
                "sleep ١"); // coreutils' quote() in the C locale: non-ASCII bytes in octal
        expect(1, "sleep: invalid time interval 'nan'\nTry 'sleep --help' for more information.\n", "sleep nan");
        expect(1, "sleep: invalid time interval '1e9x'\nTry 'sleep --help' for more information.\n", "sleep 1e9x");
    }

    @Test
    void shouldStopASleepPastTheEndOfVirtualTimeWithAMessage() {
        expect(130, "nssim: sleep would wait forever in the foreground; run it in the background with &\n",
                "sleep 1e10"); // 317 years: beyond a long of nanoseconds, as long as sleep inf
        expect(0, "", "sleep 9e9"); // 285 years
        long t0 = m.kernel().clock().nanoTime();
        expect(130, "nssim: sleep would sleep past the end of virtual time (292 years after boot); stopped as if"
                + " interrupted\n", "sleep 3e8");
        assertEquals(t0, m.kernel().clock().nanoTime(), "the clock did not move or wrap");
        assertEquals(0, run("sleep 3e8 &"), "in the background it just never wakes");
        assertEquals(0, run("kill %1"));
        assertEquals(List.of(), m.shell().internalErrors());
    }

    @Test
    void shouldRefuseAPingThatWouldOutlastTheClockInsteadOfSaturatingIt() {
        run("ip addr add 10.9.0.1/24 dev lo");
        int status = run("ping -c 100000 -i 1000000 -W 1 10.9.0.1");
        assertEquals(2, status, out::toString);
        assertTrue(out.toString().startsWith("nssim: ping would run for 99999000001 s of virtual time"),
                out::toString);
        assertTrue(m.kernel().clock().nanoTime() < VirtualClock.END_NANOS / 2);
    }

    // ---- long sleeps over periodic kernel work ----

    @Test
    void shouldSleepABillionSecondsOverALeakedDeviceAndShowWhatTheLogKept() {
        run("ip link add va type veth peer name vb");
        run("nssim leak dev va");
        run("ip link del va");
        int before = m.kernel().log().lines().size();
        assertEquals(0, run("sleep 1000000000"));
        assertTrue(m.kernel().log().nextSeq() > 90_000_000L, "every warning accounted: " + m.kernel().log().nextSeq());
        assertTrue(m.kernel().log().lines().size() <= io.nssim.core.event.KernelLog.DESCS_COUNT);
        run("dmesg");
        String[] lines = out.toString().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("[99999999"), lines[lines.length - 1]);
        assertTrue(before >= 0);
    }

    // ---- scripts scale with their length ----

    @Test
    void shouldRunNetnsAddAndDelLinesInTimeProportionalToTheirNumber() {
        int n = 5_000;
        long walked0 = m.kernel().nsfs().runNetns().entriesWalked();
        for (int i = 0; i < n; i++) {
            assertEquals(0, run("ip netns add n" + i));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(0, run("ip netns del n" + i));
        }
        long walked = m.kernel().nsfs().runNetns().entriesWalked() - walked0;
        // A listing before every line would walk n^2 entries (25,000,000 here); following only what changed
        // walks each entry about once.
        assertTrue(walked <= 4L * n, "entries walked: " + walked);
        assertEquals(List.of(), m.shell().internalErrors());
    }
}
