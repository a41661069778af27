package io.nssim.core;

import io.nssim.core.net.Net;
import io.nssim.core.ref.RefTracking;
import java.util.List;
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
 * Random lives of a machine: names added and deleted, tasks forked, cloned into new nets, unshared, moved with
 * setns and exited, sockets and nsfs files opened, passed and closed, pernet ops registered (some failing their
 * init) and unregistered, faults armed, nsids set, time advanced. After every step the lifecycle invariants
 * hold and the model beside the kernel agrees; a failed step leaves no trace; at the end, once every task has
 * exited and time has advanced, only init_net is left and nothing is held.
 *
 * <p>1,000 chains of up to 50 steps in all: 800 with reference tracking, 200 without.
 */
class LifecycleChainProperties {
    static final int MAX_ACTIONS = 50;

    @Property(tries = 800)
    void lifecycleRulesHoldWithTracking(@ForAll("trackedChains") ActionChain<LifecycleWorld> chain) {
        runToTheEnd(chain);
    }

    @Property(tries = 200)
    void lifecycleRulesHoldWithoutTracking(@ForAll("untrackedChains") ActionChain<LifecycleWorld> chain) {
        runToTheEnd(chain);
    }

    private static void runToTheEnd(ActionChain<LifecycleWorld> chain) {
        LifecycleWorld w = chain
                .withInvariant("lifecycle invariants", LifecycleWorld::checkInvariants)
                .withInvariant("model agrees", LifecycleWorld::checkModel)
                .run();
        w.teardownAndCheck();
    }

    @Provide
    Arbitrary<ActionChain<LifecycleWorld>> trackedChains() {
        return chains(RefTracking.ON);
    }

    @Provide
    Arbitrary<ActionChain<LifecycleWorld>> untrackedChains() {
        return chains(RefTracking.OFF);
    }

    private static Arbitrary<ActionChain<LifecycleWorld>> chains(RefTracking tracking) {
        return ActionChain.startWith(() -> new LifecycleWorld(tracking))
                .withAction(6, addName())
                .withAction(3, deleteName())
                .withAction(2, attach())
                .withAction(4, fork())
                .withAction(3, cloneNewNet())
                .withAction(3, unshare())
                .withAction(4, setnsToName())
                .withAction(2, setnsToTask())
                .withAction(4, exit())
                .withAction(3, openSocket())
                .withAction(2, openNetNs())
                .withAction(3, closeFile())
                .withAction(2, sendFile())
                .withAction(2, register())
                .withAction(2, unregister())
                .withAction(2, armFault())
                .withAction(2, setNsid())
                .withAction(4, advance())
                .withAction(1, reachDyingNet())
                .withMaxTransformations(MAX_ACTIONS);
    }

    private static Arbitrary<String> anyName() {
        return Arbitraries.of(LifecycleWorld.NAME_POOL);
    }

    private static Action.Dependent<LifecycleWorld> addName() {
        return w -> Combinators.combine(Arbitraries.of(w.pids()), anyName()).as((pid, name) ->
                Transformer.mutate("pid " + pid + ": ip netns add " + name, x -> x.addName(pid, name)));
    }

    private static Action.Independent<LifecycleWorld> deleteName() {
        return () -> anyName().map(name -> Transformer.mutate("ip netns del " + name, x -> x.deleteName(name)));
    }

    private static Action.Dependent<LifecycleWorld> attach() {
        return w -> Combinators.combine(anyName(), Arbitraries.of(w.pids()).injectDuplicates(0.1),
                        Arbitraries.integers().between(0, 9)).as((name, pid, missing) -> {
                    int target = missing == 0 ? 99999 : pid;
                    return Transformer.mutate("ip netns attach " + name + " " + target,
                            x -> x.attach(name, target));
                });
    }

    private static Action.Dependent<LifecycleWorld> fork() {
        return w -> Arbitraries.of(w.pids()).map(pid ->
                Transformer.mutate("pid " + pid + " forks", x -> x.fork(pid)));
    }

    private static Action.Dependent<LifecycleWorld> cloneNewNet() {
        return w -> Arbitraries.of(w.pids()).map(pid ->
                Transformer.mutate("pid " + pid + " clones a child with CLONE_NEWNET", x -> x.cloneNewNet(pid)));
    }

    /** Tasks other than init: init stays in init_net, so that the end state has one net. */
    private static abstract class ForNonInit implements Action.Dependent<LifecycleWorld> {
        @Override
        public boolean precondition(LifecycleWorld w) {
            return !w.pidsButInit().isEmpty();
        }
    }

    private static Action.Dependent<LifecycleWorld> unshare() {
        return new ForNonInit() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Arbitraries.of(w.pidsButInit()).map(pid ->
                        Transformer.mutate("pid " + pid + " unshares its net", x -> x.unshare(pid)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> setnsToName() {
        return new ForNonInit() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Combinators.combine(Arbitraries.of(w.pidsButInit()), anyName()).as((pid, name) ->
                        Transformer.mutate("pid " + pid + ": setns to /run/netns/" + name,
                                x -> x.setnsToName(pid, name)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> setnsToTask() {
        return new ForNonInit() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Combinators.combine(Arbitraries.of(w.pidsButInit()), Arbitraries.of(w.pids())).as(
                        (pid, other) -> Transformer.mutate("pid " + pid + ": setns to the net of pid " + other,
                                x -> x.setnsToTask(pid, other)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> exit() {
        return new ForNonInit() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Arbitraries.of(w.pidsButInit()).map(pid ->
                        Transformer.mutate("pid " + pid + " exits", x -> x.exit(pid)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> openSocket() {
        return w -> Arbitraries.of(w.pids()).map(pid ->
                Transformer.mutate("pid " + pid + " opens a socket", x -> x.openSocket(pid)));
    }

    private static Action.Dependent<LifecycleWorld> openNetNs() {
        return w -> Combinators.combine(Arbitraries.of(w.pids()), Arbitraries.of(w.pids())).as((pid, target) ->
                Transformer.mutate("pid " + pid + " opens /proc/" + target + "/ns/net",
                        x -> x.openNetNs(pid, target)));
    }

    /** Actions on an open descriptor: only when some task has one. */
    private static abstract class ForDescriptor implements Action.Dependent<LifecycleWorld> {
        @Override
        public boolean precondition(LifecycleWorld w) {
            return !w.descriptors().isEmpty();
        }
    }

    private static Action.Dependent<LifecycleWorld> closeFile() {
        return new ForDescriptor() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Arbitraries.of(w.descriptors()).map(d ->
                        Transformer.mutate("pid " + d[0] + " closes its file #" + d[1], x -> x.closeFile(d[0], d[1])));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> sendFile() {
        return new ForDescriptor() {
            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Combinators.combine(Arbitraries.of(w.descriptors()), Arbitraries.of(w.pids())).as((d, to) ->
                        Transformer.mutate("pid " + d[0] + " passes its file #" + d[1] + " to pid " + to
                                + " (SCM_RIGHTS)", x -> x.sendFile(d[0], d[1], to)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> register() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(LifecycleWorld w) {
                return w.registered.size() < w.pool.size();
            }

            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                List<Integer> free = java.util.stream.IntStream.range(0, w.pool.size())
                        .filter(i -> !w.registered.contains(w.pool.get(i))).boxed().toList();
                return Combinators.combine(Arbitraries.of(free), Arbitraries.of(false, true),
                        Arbitraries.integers().between(0, 4)).as((op, device, failOn) -> Transformer.mutate(
                                "register_pernet_" + (device ? "device" : "subsys") + "(" + w.pool.get(op).name()
                                        + (failOn > 0 ? ", init call " + failOn + " from now fails" : "") + ")",
                                x -> x.register(op, device, failOn)));
            }
        };
    }

    private static Action.Dependent<LifecycleWorld> unregister() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(LifecycleWorld w) {
                return !w.registered.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                List<Integer> used = java.util.stream.IntStream.range(0, w.pool.size())
                        .filter(i -> w.registered.contains(w.pool.get(i))).boxed().toList();
                return Arbitraries.of(used).map(op -> Transformer.mutate(
                        "unregister_pernet(" + w.pool.get(op).name() + ")", x -> x.unregister(op)));
            }
        };
    }

    private static Action.Independent<LifecycleWorld> armFault() {
        return () -> Combinators.combine(Arbitraries.of(LifecycleWorld.FAULT_POINTS),
                Arbitraries.integers().between(1, 3)).as((point, nth) -> Transformer.mutate(
                        "fail " + point + " on its call #" + nth + " from now", x -> x.armFault(point, nth)));
    }

    private static Action.Dependent<LifecycleWorld> setNsid() {
        return w -> {
            List<String> observers = new java.util.ArrayList<>(w.existingNames());
            observers.add("init_net");
            return Combinators.combine(Arbitraries.of(observers), anyName(), Arbitraries.integers().between(-1, 3))
                    .as((obs, peer, id) -> Transformer.mutate(
                            (obs.equals("init_net") ? "" : "ip -n " + obs + " ") + "ip netns set " + peer + " "
                                    + (id < 0 ? "auto" : id),
                            x -> {
                                Net observer = obs.equals("init_net") ? x.k.initNet() : x.netOf(obs);
                                x.setNsid(observer, peer, id);
                            }));
        };
    }

    private static Action.Dependent<LifecycleWorld> reachDyingNet() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(LifecycleWorld w) {
                return !w.dyingNets().isEmpty();
            }

            @Override
            public Arbitrary<Transformer<LifecycleWorld>> transformer(LifecycleWorld w) {
                return Arbitraries.of(w.dyingNets()).map(n -> Transformer.mutate(
                        "reach for dying " + n + " (lookup, open, socket, nsid)", x -> x.reachDyingNet(n)));
            }
        };
    }

    private static Action.Independent<LifecycleWorld> advance() {
        return () -> Arbitraries.of(0L, 1L, 250L, 1000L).map(ms ->
                Transformer.mutate("advance " + ms + " ms", x -> x.advance(ms)));
    }
}
