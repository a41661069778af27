package io.nssim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.cli.Machine;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.ref.RefTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * The script a lab records is the same machine's life: for random chains of the commands the {@code nssim}
 * shell runs, replaying the lab's script on the command's own machine fails exactly the lines that failed in
 * the lab, and ends with the same /run/netns names, the same devices in every namespace (in list order) and the
 * same running jobs. So every lab action renders to its equivalent script line.
 */
class ScriptParityProperties {
    private static final long SEED = 5;

    @Property
    @TriesFrom(value = "nssim.check.parityChains", orElse = 500)
    void scriptsReplayTheLabsCommandsLineForLine(@ForAll("chains") ActionChain<Lab> chain) {
        Lab lab = chain.run();
        Script script = lab.script();
        Machine m = Machine.boot(SEED, text -> { });
        List<String> lines = script.commandLines();
        List<Step> steps = script.steps().stream().filter(s -> s.kind() != Step.Kind.COMMENT).toList();
        for (int i = 0; i < lines.size(); i++) {
            int status = m.shell().runLine(i + 1, lines.get(i));
            Step s = steps.get(i);
            if (s.kind() == Step.Kind.COMMAND) {
                int line = i;
                assertEquals(s.isOk(), status == 0, () -> "line " + (line + 1) + " '" + s.line() + "' exits " + status
                        + " in the script, but the lab says " + s + "\n" + script);
            }
        }
        assertEquals(lab.netnsNames(), m.kernel().nsfs().runNetns().names(), "/run/netns\n" + script);
        assertEquals(devices(lab.kernel()), devices(m.kernel()), "devices per namespace\n" + script);
        assertEquals(lab.procs().size(), m.shell().jobs().stream().filter(j -> !j.isDone()).count(),
                "running jobs\n" + script);
        lab.finish();
    }

    /** For init_net and every named namespace: its device names in list order with their UP flags. */
    private static Map<String, List<String>> devices(Kernel k) {
        Map<String, List<String>> out = new TreeMap<>();
        out.put("(init_net)", names(k.initNet()));
        for (String name : k.nsfs().runNetns().names()) {
            k.nsfs().runNetns().lookup(name).ifPresent(n -> out.put(name, names(n)));
        }
        return out;
    }

    private static List<String> names(Net net) {
        List<String> l = new ArrayList<>();
        for (NetDevice d : net.devices().list()) {
            l.add(d.name() + "(" + d.ifindex() + (d.isUp() ? ",UP" : "") + (d.master() != null ? ",master "
                    + d.master().name() : "") + ")");
        }
        return l;
    }

    @Provide
    Arbitrary<ActionChain<Lab>> chains() {
        return LabChains.scriptableChains(() -> Lab.builder().seed(SEED).refTracking(RefTracking.OFF).build())
                .withMaxTransformations(30);
    }
}
