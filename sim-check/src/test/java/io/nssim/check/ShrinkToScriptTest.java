package io.nssim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import io.nssim.cli.ScriptRunner;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.veth.Veth;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.facades.ShrinkingSupportFacade;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.state.ActionChain;

/**
 * A user's invariant that is deliberately wrong ("no veth pair spans two named namespaces") makes a chain fail;
 * jqwik shrinks the chain (exactly as a failing {@code @Property} does) and the failure's message carries the
 * shrunk chain as an nssim script. That script is short, runs under the {@code nssim} command's
 * {@link ScriptRunner} without a single failing line, and reproduces the broken shape on the command's own
 * machine.
 */
class ShrinkToScriptTest {
    private static final long SEED = 11;

    /** The shape the broken invariant forbids: a veth whose ends live in two namespaces, neither init_net. */
    static Optional<String> vethAcrossNamedNamespaces(Kernel k) {
        for (Net net : k.netns().netList()) {
            if (net.isInitNet() || !net.isAlive()) {
                continue;
            }
            for (NetDevice d : net.devices().list()) {
                if (d instanceof Veth v && v.peer() != null && v.peer().net() != net && !v.peer().net().isInitNet()) {
                    return Optional.of(v.name() + " in " + net + " has its peer " + v.peer().name() + " in "
                            + v.peer().net());
                }
            }
        }
        return Optional.empty();
    }

    private static ActionChain<Lab> withBrokenInvariant(ActionChain<Lab> chain) {
        return chain.withInvariant("no veth pair spans two named namespaces (deliberately wrong)",
                lab -> vethAcrossNamedNamespaces(lab.kernel()).ifPresent(s -> {
                    throw new AssertionError("a veth spans two named namespaces: " + s);
                }));
    }

    @Example
    void shouldShrinkAFailingChainToAShortScriptThatReplaysWithoutErrors() {
        var chains = LabChains.scriptableChains(() -> Lab.boot(SEED));
        ActionChain<Lab> shrunk = ShrinkingSupportFacade.implementation.falsifyThenShrink(chains, new Random(4),
                chain -> {
                    try {
                        LabChains.run(withBrokenInvariant(chain));
                        return TryExecutionResult.satisfied();
                    } catch (AssertionError e) {
                        return TryExecutionResult.falsified(e);
                    }
                });
        AssertionError failure = null;
        try {
            LabChains.run(withBrokenInvariant(shrunk));
        } catch (AssertionError e) {
            failure = e;
        }
        assertTrue(failure != null, "the shrunk chain still fails");
        String message = failure.getMessage();
        assertTrue(message.contains("a veth spans two named namespaces"), message);
        assertTrue(message.contains("Reproduce with ./nssim run"), "the failure carries the script: " + message);

        Lab lab = shrunk.finalState().orElseThrow();
        Script script = lab.script();
        assertTrue(script.isComplete(), "every step is a command:\n" + script);
        assertTrue(message.contains(script.text()), "the message holds the script:\n" + message);
        List<String> lines = script.commandLines();
        assertTrue(lines.size() <= 5, "shrunk to a handful of commands:\n" + script);
        assertTrue(lines.stream().anyMatch(l -> l.contains("type veth")), script::text);

        String transcript = new ScriptRunner(SEED).run("repro.sh", lines);
        assertFalse(transcript.contains("[exit "), "every line of the script runs cleanly:\n" + transcript);
        assertEquals(lines.size(), transcript.lines().filter(l -> l.startsWith("$ ")).count(), transcript);

        // The script reproduces the shape on the nssim command's own machine.
        Machine m = Machine.boot(SEED, text -> { });
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(0, m.shell().runLine(i + 1, lines.get(i)), lines.get(i));
        }
        assertTrue(vethAcrossNamedNamespaces(m.kernel()).isPresent(), "replayed by ./nssim run:\n" + script);
    }
}
