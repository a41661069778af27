package io.nssim.core.testing;

import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.sock.Sock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@link PernetOperations} test double that logs every call to a {@link CallLog}:
 * {@code "init A net:[X]"}, {@code "init A net:[X] failed"}, {@code "pre_exit A net:[X]"},
 * {@code "exit_rtnl A net:[X]"}, {@code "exit_batch_rtnl A [net:[X], net:[Y]]"}, {@code "exit A net:[X]"},
 * {@code "exit_batch A [net:[X], net:[Y]]"}. It can be told to fail its init (for some nets, or on its nth
 * call), to own typed per-net data, to register a sysctl, and to open a kernel socket per net, which it
 * closes in its exit.
 */
public final class RecordingPernetOps implements PernetOperations {
    /** The per-net data of an op with {@link #withGeneric()}: a fresh one per net. */
    public static final class PerNet {
        public int touched;
        public final long serial;

        PerNet(long serial) {
            this.serial = serial;
        }
    }

    private final String name;
    private final CallLog log;
    private NetGenericKey<PerNet> key;
    private long serials;
    private Predicate<Net> failOn = n -> false;
    private int failOnCall;
    private int initCalls;
    private Errno failWith = Errno.ENOMEM;
    private Kernel socketKernel;
    private String sysctlKey;
    private String sysctlDefault;
    private final Map<Net, Sock> kernelSockets = new IdentityHashMap<>();

    public RecordingPernetOps(String name, CallLog log) {
        this.name = name;
        this.log = log;
    }

    /** Gives the op per-net data of type {@link PerNet}, allocated before init, freed after exit. */
    public RecordingPernetOps withGeneric() {
        this.key = new NetGenericKey<>(name + "_net", PerNet.class, () -> new PerNet(++serials));
        return this;
    }

    /** Makes init fail, with {@code errno}, for every net matching {@code which}. */
    public RecordingPernetOps failInitOn(Predicate<Net> which, Errno errno) {
        this.failOn = which;
        this.failWith = errno;
        return this;
    }

    /** Makes the {@code nth} call of init from now (1 = the next one) fail with ENOMEM, once. */
    public RecordingPernetOps failInitCall(int nth) {
        this.failOnCall = initCalls + nth;
        return this;
    }

    /** Opens a kernel socket in every net at init (a passive reference) and closes it at exit. */
    public RecordingPernetOps withKernelSocket(Kernel kernel) {
        this.socketKernel = kernel;
        return this;
    }

    /** Registers {@code key} = {@code initial} in every net's sysctl table at init; removes it at exit. */
    public RecordingPernetOps withSysctl(String sysctl, String initial) {
        this.sysctlKey = sysctl;
        this.sysctlDefault = initial;
        return this;
    }

    public NetGenericKey<PerNet> key() {
        checkState(key != null, "%s has no per-net data", name);
        return key;
    }

    public int initCalls() {
        return initCalls;
    }

    /** Whether a failure set up with {@link #failInitCall} is still to come. */
    public boolean failurePending() {
        return failOnCall > initCalls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NetGenericKey<?> genericKey() {
        return key;
    }

    @Override
    public Result<Void> init(Net net) {
        initCalls++;
        if (key != null) {
            PerNet data = net.generic(key);
            checkState(data.touched == 0, "%s got used per-net data in %s", name, net);
            data.touched++;
        }
        if (failOn.test(net) || initCalls == failOnCall) {
            log.add("init " + name + " " + net + " failed");
            return Result.err(failWith);
        }
        log.add("init " + name + " " + net);
        if (sysctlKey != null) {
            net.sysctls().register(sysctlKey, sysctlDefault);
        }
        if (socketKernel != null) {
            kernelSockets.put(net, socketKernel.socks().create(net, true, name + " kernel socket").orElseThrow());
        }
        return Result.ok();
    }

    @Override
    public void preExit(Net net) {
        log.add("pre_exit " + name + " " + net);
    }

    @Override
    public void exitRtnl(Net net) {
        log.add("exit_rtnl " + name + " " + net);
    }

    @Override
    public void exitBatchRtnl(List<Net> nets) {
        log.add("exit_batch_rtnl " + name + " " + nets);
    }

    @Override
    public void exit(Net net) {
        if (key != null) {
            checkState(net.generic(key).touched == 1, "%s lost its per-net data in %s", name, net);
        }
        log.add("exit " + name + " " + net);
        if (sysctlKey != null) {
            net.sysctls().unregister(sysctlKey);
        }
        Sock s = kernelSockets.remove(net);
        if (s != null) {
            s.put();
        }
    }

    @Override
    public void exitBatch(List<Net> nets) {
        log.add("exit_batch " + name + " " + nets.stream().map(Net::toString)
                .collect(Collectors.joining(", ", "[", "]")));
    }

    @Override
    public String toString() {
        return name;
    }
}
