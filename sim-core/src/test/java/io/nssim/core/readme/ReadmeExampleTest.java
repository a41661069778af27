package io.nssim.core.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java example of README.md, kept here so that it compiles and says what it claims. */
class ReadmeExampleTest {

    @Test
    void shouldRunTheReadmeExample() {
        // --- README example begins ---
        Kernel k = Kernel.builder().seed(42).build();
        Task shell = k.tasks().fork(k.init(), "bash").orElseThrow();

        // ip netns add blue: a file under /run/netns, a new net, a bind mount holding it.
        Net blue = k.netnsNames().add(shell, "blue").get();

        // A process enters blue (open /run/netns/blue, setns, close), opens a socket, then leaves.
        Task app = k.tasks().fork(shell, "app").orElseThrow();
        NsFile fd = k.nsfs().openNamed("blue", app.describe() + " fd").orElseThrow();
        k.tasks().installFile(app, fd);
        k.tasks().setns(app, fd).orElseThrow();
        k.tasks().closeFile(app, fd).orElseThrow();
        Sock udp = k.tasks().openSocket(app, "udp socket").orElseThrow();
        k.tasks().setnsToTaskNet(app, shell.pid()).orElseThrow();

        // ip netns del blue: only the name goes; the socket still holds blue's count.
        k.netnsNames().delete("blue").get();
        k.advance(Duration.ofSeconds(1));
        System.out.println(blue.state() + " held by " + blue.count().holders());   // ALIVE held by [udp socket]

        // Closing the socket drops the last reference; the cleanup worker runs as time advances.
        k.tasks().closeFile(app, udp).orElseThrow();
        k.advance(Duration.ofSeconds(1));
        k.assertInvariants();
        // --- README example ends ---

        assertSame(NetState.FREED, blue.state());
        assertTrue(k.netns().netList().size() == 1, "only init_net is left");
        assertEquals(1, k.netns().cleanupBatchesRun());
    }
}
