package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.task.Task;
import io.nssim.core.testing.FakeLoopback;
import io.nssim.core.testing.Teardown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** init_net's nsid table against a model: lowest free auto ids, explicit ids, conflicts, removal on death. */
class NsidProperties {

    /**
     * Each step is a number: -1 assigns "auto" to a new peer, 0..5 assigns that id to a new peer, 6..8 assigns
     * an id to an existing peer (refused), 9 kills the oldest peer and lets the worker run.
     */
    @Property(tries = 150)
    void shouldMatchTheModelTable(@ForAll @Size(max = 25) List<@IntRange(min = -1, max = 9) Integer> steps) {
        Kernel k = FakeLoopback.builder().maxNetNamespaces(64).build();
        Net init = k.initNet();
        TreeMap<Integer, Net> model = new TreeMap<>();
        List<Task> peers = new ArrayList<>();
        for (int step : steps) {
            if (step <= 5) {
                Task p = k.tasks().forkNewNet(k.init(), "peer").orElseThrow();
                peers.add(p);
                Result<Integer> r = k.netns().setNsid(init, p.net(), step);
                if (step >= 0 && model.containsKey(step)) {
                    assertEquals(Errno.EEXIST, r.error().errno());
                    assertEquals("The specified nsid is already used", r.error().extack());
                } else {
                    int id = step;
                    if (id < 0) {
                        id = 0;
                        while (model.containsKey(id)) {
                            id++;
                        }
                    }
                    assertEquals(id, r.get());
                    model.put(id, p.net());
                }
            } else if (step <= 8 && !model.isEmpty()) {
                Net named = model.firstEntry().getValue();
                Result<Integer> r = k.netns().setNsid(init, named, step - 6);
                assertEquals("Peer netns already has a nsid assigned", r.error().extack());
            } else if (step == 9 && !peers.isEmpty()) {
                Task oldest = peers.remove(0);
                Net dying = oldest.net();
                k.tasks().exit(oldest, 0);
                k.advance(Duration.ofMillis(1));
                model.values().removeIf(n -> n == dying);
            }
            assertEquals(model, init.nsids().snapshot());
        }
        Teardown.reap(k);
        assertEquals(List.of(), k.checkInvariants());
        assertEquals(0, init.nsids().snapshot().size());
        k.assertNoLeaks();
    }
}
