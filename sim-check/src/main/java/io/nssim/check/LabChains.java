package io.nssim.check;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import org.opentest4j.TestAbortedException;

/**
 * Random lives of a {@link Lab} for jqwik properties, and the way to run one: {@link #run} checks every rule
 * after every step ({@link Lab#checkInvariants()} plus whatever invariants you added to the chain), then ends
 * the machine's life and checks that nothing leaked. A failure's message ends with the script that replays the
 * (shrunk) chain with {@code ./nssim run}.
 *
 * <pre>{@code
 * @Property
 * void myRuleHolds(@ForAll("chains") ActionChain<Lab> chain) {
 *     LabChains.run(chain.withInvariant("my rule", lab -> ...));
 * }
 *
 * @Provide
 * Arbitrary<ActionChain<Lab>> chains() {
 *     return LabChains.chains(() -> Lab.boot(42)).withAction(2, myOwnAction());
 * }
 * }</pre>
 */
public final class LabChains {
    /** Steps per chain unless changed with {@code withMaxTransformations}. */
    public static final int MAX_ACTIONS = 50;

    private LabChains() {
    }

    /**
     * Chains of every action of {@link LabActions}: namespaces, processes (with fork, unshare, setns and
     * sockets), veth pairs, bridges, dummies and NICs created, moved, enslaved, brought up and down and deleted,
     * faults armed at every seam, addresses, routes, iptables rules, pings, and time; up to
     * {@value #MAX_ACTIONS} steps.
     */
    public static ActionChainArbitrary<Lab> chains(Supplier<Lab> boot) {
        checkNotNull(boot, "boot");
        return ActionChain.<Lab>startWith(boot::get)
                .withAction(5, LabActions.netnsAdd())
                .withAction(1, LabActions.netnsDel())
                .withAction(1, LabActions.netnsSet())
                .withAction(3, LabActions.spawn())
                .withAction(2, LabActions.kill())
                .withAction(1, LabActions.killJob())
                .withAction(1, LabActions.fork())
                .withAction(1, LabActions.unshare())
                .withAction(1, LabActions.setns())
                .withAction(2, LabActions.socket())
                .withAction(1, LabActions.close())
                .withAction(6, LabActions.vethAdd())
                .withAction(2, LabActions.bridgeAdd())
                .withAction(1, LabActions.dummyAdd())
                .withAction(2, LabActions.macvlanAdd())
                .withAction(1, LabActions.nicPlug())
                .withAction(1, LabActions.nicUnplug())
                .withAction(5, LabActions.linkMove())
                .withAction(1, LabActions.linkMoveRename())
                .withAction(2, LabActions.linkDel())
                .withAction(5, LabActions.linkUpDown())
                .withAction(2, LabActions.linkMaster())
                .withAction(2, LabActions.linkAnywhere())
                .withAction(4, LabActions.addrAdd())
                .withAction(1, LabActions.routeAdd())
                .withAction(1, LabActions.ping())
                .withAction(3, LabActions.pingAcross())
                .withAction(1, LabActions.iptables())
                .withAction(3, LabActions.fault())
                .withAction(3, LabActions.sleep())
                .withMaxTransformations(MAX_ACTIONS)
                .improveShrinkingWith(LabChangeDetector::new);
    }

    /**
     * Chains of the commands the {@code nssim} shell runs ({@code ip netns}, {@code ip link}, {@code ip addr},
     * {@code ip route}, jobs, {@code kill}, {@code ping}, {@code iptables}, {@code nssim fail}, {@code sleep}):
     * their scripts redo every step, so a failure replays exactly. Left out: steps inside a process (fork,
     * unshare, setns, sockets), NIC hot-plug and the fault points {@code nssim fail} does not arm.
     */
    public static ActionChainArbitrary<Lab> scriptableChains(Supplier<Lab> boot) {
        checkNotNull(boot, "boot");
        return ActionChain.<Lab>startWith(boot::get)
                .withAction(5, LabActions.netnsAdd())
                .withAction(1, LabActions.netnsDel())
                .withAction(1, LabActions.netnsSet())
                .withAction(3, LabActions.spawn())
                .withAction(2, LabActions.kill())
                .withAction(1, LabActions.killJob())
                .withAction(6, LabActions.vethAdd())
                .withAction(2, LabActions.bridgeAdd())
                .withAction(1, LabActions.dummyAdd())
                .withAction(2, LabActions.macvlanAdd())
                .withAction(5, LabActions.linkMove())
                .withAction(1, LabActions.linkMoveRename())
                .withAction(2, LabActions.linkDel())
                .withAction(5, LabActions.linkUpDown())
                .withAction(2, LabActions.linkMaster())
                .withAction(2, LabActions.linkAnywhere())
                .withAction(3, LabActions.addrAdd())
                .withAction(1, LabActions.routeAdd())
                .withAction(1, LabActions.ping())
                .withAction(3, LabActions.pingAcross())
                .withAction(1, LabActions.iptables())
                .withAction(2, LabActions.scriptableFault())
                .withAction(3, LabActions.sleep())
                .withMaxTransformations(MAX_ACTIONS)
                .improveShrinkingWith(LabChangeDetector::new);
    }

    /**
     * Runs {@code chain} with {@link Lab#assertInvariants()} after every step (after the chain's own
     * invariants), then {@link Lab#finish()}. Any failure is rethrown with the script of the steps run so far.
     * Returns the finished lab.
     */
    public static Lab run(ActionChain<Lab> chain) {
        Lab lab;
        try {
            lab = chain.withInvariant("lifecycle rules", Lab::assertInvariants).run();
        } catch (Throwable t) {
            throw withReproducer(t, chain.finalState().orElse(null));
        }
        lab.finish();
        return lab;
    }

    private static RuntimeException withReproducer(Throwable t, Lab lab) {
        if (t instanceof TestAbortedException a) {
            throw a;
        }
        if (lab == null || String.valueOf(t.getMessage()).contains("Reproduce with ./nssim run")) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new AssertionError(t.getMessage(), t);
        }
        throw new AssertionError(t.getMessage() + "\n\n" + lab.reproducer(), t);
    }
}
