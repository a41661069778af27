package io.nssim.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import java.util.List;

/**
 * A {@code pernet_operations} that does nothing but write down what the netns core calls on it, in one log
 * shared by several probes: {@code "NAME init net:[X]"}, {@code "NAME pre_exit net:[X]"}, {@code "NAME exit
 * net:[X]"}, {@code "NAME exit_batch [net:[X], ...]"}. Register probes at chosen places of the pernet list
 * ({@code register_pernet_subsys} puts one before the first device op, {@code register_pernet_device} at the
 * tail) to see the order in which a net is set up, unwound and torn down. With per-net data, its init can fail
 * ({@link FaultPoints#pernetInit}) like any op's.
 */
public final class PernetProbe implements PernetOperations {
    /** The per-net data of probes that ask for it. */
    public static final class Data {
        private int inits;

        public int inits() {
            return inits;
        }
    }

    private final String name;
    private final List<String> log;
    private final NetGenericKey<Data> key;

    /**
     * @param name     the op's name (and fault point suffix)
     * @param log      the log shared with other probes, appended to under the kernel lock
     * @param withData whether the op allocates per-net data ({@code .id}/{@code .size})
     */
    public PernetProbe(String name, List<String> log, boolean withData) {
        this.name = checkNotNull(name, "name");
        this.log = checkNotNull(log, "log");
        this.key = withData ? new NetGenericKey<>(name, Data.class, Data::new) : null;
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
        if (key != null) {
            net.generic(key).inits++;
        }
        log.add(name + " init " + net);
        return Result.ok();
    }

    @Override
    public void preExit(Net net) {
        log.add(name + " pre_exit " + net);
    }

    @Override
    public void exit(Net net) {
        log.add(name + " exit " + net);
    }

    @Override
    public void exitBatch(List<Net> nets) {
        log.add(name + " exit_batch " + nets);
    }

    /** This probe's lines about {@code net}, in order ("init", "pre_exit", "exit"), without the name and net. */
    public ImmutableList<String> callsOn(Net net) {
        String suffix = " " + net;
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (String line : log) {
            if (line.startsWith(name + " ") && line.endsWith(suffix)) {
                b.add(line.substring(name.length() + 1, line.length() - suffix.length()));
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
