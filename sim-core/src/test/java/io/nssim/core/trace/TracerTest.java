package io.nssim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call tree that {@code nssim trace on} prints, and the trace points that feed it. */
class TracerTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    @Test
    void shouldIndentCalleesAndRecordNothingWhileOff() {
        Tracer t = new Tracer();
        t.enter("a", "");
        t.note("ignored");
        assertEquals(List.of(), t.drain());
        t.setOn(true);
        t.enter("copy_net_ns", "net:[1]");
        t.note("get_net");
        t.exit();
        t.note("after");
        assertEquals(List.of("copy_net_ns(net:[1])", "  get_net", "after"), t.drain());
        assertEquals(List.of(), t.drain());
    }

    @Test
    void shouldDeliverLinesToTheSinkAsTheyHappen() {
        Tracer t = new Tracer();
        List<String> seen = new ArrayList<>();
        t.setSink(seen::add);
        t.setOn(true);
        t.enter("f", "x");
        t.note("g");
        assertEquals(List.of("f(x)", "  g"), seen);
        assertEquals(List.of(), t.drain(), "nothing kept while a sink takes the lines");
    }

    @Test
    void shouldTraceEveryNetReferenceTakenAndDroppedWithItsHolder() {
        Kernel k = kernels.boot();
        k.trace().setOn(true);
        Task t = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        String net = t.net().toString();
        k.tasks().exit(t, 0);
        k.advance(Duration.ofSeconds(1));
        List<String> lines = k.trace().drain();
        assertTrue(lines.contains("  net_alloc(" + net + "): count 1 \"pid 2 (sh) nsproxy\", passive 1 \"net (self)\""),
                lines.toString());
        assertTrue(lines.contains("  put_net(" + net + ", \"pid 2 (sh) nsproxy\") -> count 0"), lines.toString());
        assertTrue(lines.contains("  __put_net(" + net + "): queued for cleanup_net"), lines.toString());
        assertTrue(lines.contains("cleanup_net([" + net + "])"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.strip().equals("net_passive_dec(" + net + ", \"net (self)\") -> passive 0")),
                lines.toString());
        k.trace().setOn(false);
    }
}
