package io.nssim.check.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.check.Lab;
import io.nssim.check.LabActions;
import io.nssim.check.LabChains;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;

/**
 * The README's example of a user's own property, through the public API only: a rule of my own (once time has
 * passed, a namespace nothing holds any more is gone) checked after every step of random machine lives, which
 * include a command of my own (jumbo frames). On failure, the message ends with the shrunk chain as a script
 * for {@code ./nssim run}.
 */
class NamespaceDeathProperties {

    @Property(tries = 200)
    void unheldNamespacesAreGoneOnceTimePasses(@ForAll("lives") ActionChain<Lab> chain) {
        LabChains.run(chain.withInvariant("an unheld namespace is gone after a sleep", lab -> {
            // "sleep 1" lets time pass; "sleep infinity &" starts a job.
            boolean slept = lab.lastStep().map(s -> s.line().matches("sleep [0-9.]+")).orElse(false);
            for (Net net : lab.kernel().netns().allocated()) {
                assertTrue(!slept || net.isInitNet() || net.count().count() > 0,
                        () -> net + " (" + net.state() + ") is held by nothing yet survived the cleanup worker");
            }
        }));
    }

    @Provide
    Arbitrary<ActionChain<Lab>> lives() {
        return LabChains.chains(() -> Lab.boot(42)).withAction(2, jumboFrames());
    }

    /** My own command, through the kernel API: {@code ip [-n NS] link set DEV mtu 9000}, wherever DEV is. */
    static Action.Independent<Lab> jumboFrames() {
        return LabActions.action(LabActions.deviceName().map(dev -> LabActions.step("ip link set " + dev + " mtu 9000",
                lab -> LabActions.locate(lab, dev).ifPresent(ns -> {
                    NetDevice d = lab.device(ns, dev).orElseThrow();
                    var result = lab.kernel().netdev().setMtu(d, 9000);
                    lab.record((ns.equals(Lab.HOST) ? "ip" : "ip -n " + ns) + " link set " + dev + " mtu 9000", result);
                    if (result.isOk() && d.mtu() != 9000) {
                        lab.violation("MY-MTU", dev + " accepted MTU 9000 but has " + d.mtu());
                    }
                }))));
    }
}
