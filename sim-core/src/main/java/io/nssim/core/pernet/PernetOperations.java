package io.nssim.core.pernet;

import io.nssim.core.Result;
import io.nssim.core.net.Net;
import java.util.List;

/**
 * A subsystem's or driver's per-namespace hooks: {@code struct pernet_operations}.
 *
 * <p>init runs for a net in list order when the net is set up (and, at registration, for every net that
 * exists); the exits run in reverse list order when a batch of nets is cleaned up: every op's preExit, one
 * RCU grace period, every op's exitRtnl (the device phase) and exitBatchRtnl, then exit per net, then
 * exitBatch once per op with the whole batch. A failed init is never followed by that op's exits.
 */
public interface PernetOperations {
    /** A short name for traces and "show pernet": "loopback_net_ops". */
    String name();

    /** Per-net private data this op wants allocated before its init ({@code .id} and {@code .size}). */
    default NetGenericKey<?> genericKey() {
        return null;
    }

    default Result<Void> init(Net net) {
        return Result.ok();
    }

    default void preExit(Net net) {
    }

    /** Runs under rtnl for each net of the batch, before {@link #exit} ({@code exit_rtnl}, 6.14+). */
    default void exitRtnl(Net net) {
    }

    /** Runs under rtnl once for the whole batch ({@code exit_batch_rtnl}): where devices are destroyed. */
    default void exitBatchRtnl(List<Net> nets) {
    }

    default void exit(Net net) {
    }

    default void exitBatch(List<Net> nets) {
    }
}
