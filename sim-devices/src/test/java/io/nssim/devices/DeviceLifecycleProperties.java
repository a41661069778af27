package io.nssim.devices;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random lives of devices: nets made and dropped, veth pairs across nets, either end moved, ends (and eth0)
 * enslaved to bridges, devices deleted, devices brought up and down, references leaked on devices and on lo and
 * later released, time advanced. After every step the kernel's lifecycle invariants hold and the device model
 * agrees (pairs consistent, carrier only when both ends are up, bridge ports in the bridge's net). At the end,
 * once everything is released, every net dropped and time has passed, only init_net is left, no device outlives
 * its namespace, and the physical NIC is back in init_net.
 */
class DeviceLifecycleProperties {
    static final int MAX_ACTIONS = 30;

    @Property(tries = 100)
    void deviceLifecycleRulesHold(@ForAll("chains") ActionChain<DeviceWorld> chain) {
        DeviceWorld w = chain
                .withInvariant("lifecycle invariants", DeviceWorld::checkInvariants)
                .withInvariant("device model", DeviceWorld::checkModel)
                .run();
        w.teardownAndCheck();
    }

    @Provide
    Arbitrary<ActionChain<DeviceWorld>> chains() {
        return ActionChain.startWith(DeviceWorld::new)
                .withAction(3, just("new net", DeviceWorld::newNet))
                .withAction(4, twoInts("veth across nets", DeviceWorld::vethAcross))
                .withAction(3, twoInts("move", DeviceWorld::move))
                .withAction(2, oneInt("enslave to bridge", DeviceWorld::enslave))
                .withAction(2, oneInt("delete device", DeviceWorld::delete))
                .withAction(2, oneInt("drop net", DeviceWorld::dropNet))
                .withAction(2, oneInt("up/down", DeviceWorld::toggle))
                .withAction(1, oneInt("leak a device reference", (w, i) -> w.leak(i, false)))
                .withAction(1, oneInt("leak a lo reference", (w, i) -> w.leak(i, true)))
                .withAction(2, oneInt("release a leak", DeviceWorld::release))
                .withAction(2, advance())
                .withMaxTransformations(MAX_ACTIONS);
    }

    /** Time passes: 1 ms to 15 s, enough to see the 10 s warning and the worker wait. */
    private static Action.Independent<DeviceWorld> advance() {
        return () -> Arbitraries.integers().between(1, 15_000)
                .map(ms -> Transformer.mutate("advance " + ms + " ms", w -> w.advance(ms)));
    }

    private interface IntStep {
        void apply(DeviceWorld w, int i);
    }

    private interface TwoIntStep {
        void apply(DeviceWorld w, int a, int b);
    }

    private static Action.Independent<DeviceWorld> just(String what, java.util.function.Consumer<DeviceWorld> f) {
        return Action.just(Transformer.mutate(what, f));
    }

    private static Action.Independent<DeviceWorld> oneInt(String what, IntStep f) {
        return () -> Arbitraries.integers().between(0, 99)
                .map(i -> Transformer.mutate(what + " #" + i, w -> f.apply(w, i)));
    }

    private static Action.Independent<DeviceWorld> twoInts(String what, TwoIntStep f) {
        Arbitrary<Integer> idx = Arbitraries.integers().between(0, 99);
        return () -> Combinators.combine(idx, idx)
                .as((a, b) -> Transformer.mutate(what + " #" + a + " -> #" + b, w -> f.apply(w, a, b)));
    }
}
