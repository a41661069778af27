package io.nssim.check;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import java.util.Optional;

/**
 * The engine's fault points ({@code kernel.faults().failNth(point, n)}, or {@link Lab#failNth}), each a seam
 * where the real kernel can fail and must unwind. What each one unwinds is in docs/rules-checker.md.
 */
public final class FaultPoints {
    /** {@code net_alloc}: the struct net allocation in {@code copy_net_ns} (ENOMEM, nothing made). */
    public static final String NET_ALLOC = "net_alloc";
    /** {@code preinit_net -> ns_common_init -> proc_alloc_inum}: no nsfs inode (ENOMEM, nothing made). */
    public static final String PROC_ALLOC_INUM = "proc_alloc_inum";
    /** {@code mount(MS_BIND)} in {@code ip netns add}: the new net dies with the helper, the file goes. */
    public static final String BIND_MOUNT = "bind_mount";
    /** {@code register_netdevice} (ENOMEM): lo in a new net, either veth end, a bridge, a dummy, a NIC. */
    public static final String REGISTER_NETDEVICE = "register_netdevice";
    /** {@code __dev_change_net_namespace} before its point of no return (dev_index_reserve): nothing moves. */
    public static final String DEV_CHANGE_NET_NAMESPACE = "dev_change_net_namespace";
    /**
     * {@code device_rename} (sysfs): a rename fails and is rolled back; past the point of no return of a move
     * the kernel only warns and completes the move.
     */
    public static final String DEVICE_RENAME = "device_rename";

    private static final String PERNET_INIT = "pernet-init:";

    /** The points the {@code nssim} command arms with {@code nssim fail POINT [nth N]} (besides pernet-init). */
    public static final ImmutableList<String> COMMAND_POINTS = ImmutableList.of(NET_ALLOC, BIND_MOUNT,
            REGISTER_NETDEVICE, DEV_CHANGE_NET_NAMESPACE);

    private FaultPoints() {
    }

    /** {@code ops_init} of the op named {@code opsName} (its per-net data allocation or its init fails). */
    public static String pernetInit(String opsName) {
        return PERNET_INIT + opsName;
    }

    /** Whether {@code point} is a {@link #pernetInit} point. */
    public static boolean isPernetInit(String point) {
        return point.startsWith(PERNET_INIT);
    }

    /**
     * Whether {@code ops_init} can fail for {@code ops} at all: only an op with per-net data or an init of its
     * own can (the engine's rule; {@code default_device_ops} and the bridge's exit-only op cannot).
     */
    public static boolean canFailInit(PernetOperations ops) {
        try {
            return ops.genericKey() != null
                    || ops.getClass().getMethod("init", Net.class).getDeclaringClass() != PernetOperations.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The script line that arms {@code point} for its {@code nth} call on {@code k}: {@code nssim fail POINT
     * [nth N]} or {@code nssim fail pernet-init OPS [nth N]}; empty for a point the {@code nssim} command does not
     * arm (or a pernet op that cannot fail, which it refuses).
     */
    public static Optional<String> command(Kernel k, String point, int nth) {
        String suffix = nth == 1 ? "" : " nth " + nth;
        if (COMMAND_POINTS.contains(point)) {
            return Optional.of("nssim fail " + point + suffix);
        }
        if (isPernetInit(point)) {
            String name = point.substring(PERNET_INIT.length());
            for (PernetOperations ops : k.netns().pernet().inOrder()) {
                if (ops.name().equals(name) && canFailInit(ops)) {
                    return Optional.of("nssim fail pernet-init " + name + suffix);
                }
            }
        }
        return Optional.empty();
    }

    /** The pernet init point of every registered op, in the order {@code setup_net} runs them. */
    public static ImmutableList<String> pernetInits(Kernel k) {
        return k.netns().pernet().inOrder().stream().map(PernetOperations::name).map(FaultPoints::pernetInit)
                .collect(ImmutableList.toImmutableList());
    }

    /** The fixed points (not per op). */
    public static ImmutableList<String> fixed() {
        return ImmutableList.of(NET_ALLOC, PROC_ALLOC_INUM, BIND_MOUNT, REGISTER_NETDEVICE, DEV_CHANGE_NET_NAMESPACE,
                DEVICE_RENAME);
    }

    /** Every point of this kernel: the fixed ones, then one per registered pernet op. */
    public static ImmutableList<String> all(Kernel k) {
        return ImmutableList.<String>builder().addAll(fixed()).addAll(pernetInits(k)).build();
    }
}
