package io.nssim.cli.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private final Machine m = Machine.boot(1, s -> { });
    private final Completions c = new Completions(m);

    private void run(String line) {
        m.shell().runLine(1, line);
    }

    @Test
    void shouldOfferCommandsFirstAndIpObjectsAfterIp() {
        assertTrue(c.candidates(List.of()).containsAll(List.of("ip", "sleep", "kill", "wait")));
        assertTrue(c.candidates(List.of("ip")).containsAll(List.of("link", "netns", "monitor", "-n", "-j")));
    }

    @Test
    void shouldOfferNamespaceNamesWhereIpExpectsOne() {
        run("ip netns add blue");
        run("ip netns add red");
        assertEquals(List.of("red", "blue"), c.candidates(List.of("ip", "netns", "exec")));
        assertEquals(List.of("red", "blue"), c.candidates(List.of("ip", "-n")));
        assertEquals(List.of("red", "blue"), c.candidates(List.of("ip", "link", "set", "va", "netns")));
    }

    @Test
    void shouldOfferTheDevicesOfTheNamespaceTheCommandRunsIn() {
        run("ip netns add blue");
        run("ip -n blue link add va type veth peer name vb");
        assertEquals(List.of("lo"), c.candidates(List.of("ip", "link", "show", "dev")));
        assertEquals(List.of("lo", "vb", "va"), c.candidates(List.of("ip", "-n", "blue", "link", "show", "dev")));
        assertTrue(c.candidates(List.of("ip", "link", "add", "x", "type")).contains("veth"));
    }

    @Test
    void shouldNameTheShellsNamespaceInThePrompt() {
        assertEquals("nssim [init_net]# ", c.prompt());
        run("sleep 100 &");
        run("ip netns attach host $!");
        assertEquals("nssim [host]# ", c.prompt());
    }

    @Test
    void shouldOfferJobSpecsToKill() {
        run("sleep 100 &");
        assertEquals(List.of("%1"), c.candidates(List.of("kill")));
    }
}
