package io.nssim.core.pernet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.FakeLoopback;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the registration order, subsystems init before devices, each group in order, and exits reverse. */
class PernetOrderProperties {

    @Property(tries = 200)
    void shouldInitInListOrderAndExitInReverse(@ForAll @Size(max = 8) List<Boolean> deviceFlags) {
        Kernel k = FakeLoopback.builder().build();
        CallLog log = new CallLog();
        List<String> subsys = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < deviceFlags.size(); i++) {
            String name = "op" + i;
            RecordingPernetOps ops = new RecordingPernetOps(name, log);
            if (deviceFlags.get(i)) {
                k.registerPernetDevice(ops).orElseThrow();
                devices.add(name);
            } else {
                k.registerPernetSubsys(ops).orElseThrow();
                subsys.add(name);
            }
        }
        List<String> expected = new ArrayList<>(subsys);
        expected.add("fake_loopback_net_ops");
        expected.add("default_device_ops");
        expected.addAll(devices);
        assertEquals(expected, k.netns().pernet().inOrder().stream().map(PernetOperations::name).toList());
        assertEquals(subsys.size(), k.netns().pernet().firstDevice());

        log.clear();
        Task t = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        Net n = t.net();
        List<String> recorded = new ArrayList<>(subsys);
        recorded.addAll(devices);
        assertEquals(recorded.stream().map(o -> "init " + o + " " + n).toList(), log.lines());

        log.clear();
        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));
        List<String> reversed = new ArrayList<>(recorded);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed.stream().map(o -> "exit " + o + " " + n).toList(), log.startingWith("exit "));
        assertEquals(reversed.stream().map(o -> "pre_exit " + o + " " + n).toList(), log.startingWith("pre_exit"));
        k.assertNoLeaks();
    }
}
