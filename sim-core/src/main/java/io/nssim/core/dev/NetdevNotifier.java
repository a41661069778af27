package io.nssim.core.dev;

/**
 * A subscriber to the netdevice notifier chain ({@code register_netdevice_notifier}): IPv4 drops addresses
 * on UNREGISTER, the bridge releases ports, and so on. Called under the kernel lock.
 */
@FunctionalInterface
public interface NetdevNotifier {
    void onEvent(NetdevEvent event, NetDevice dev);

    /**
     * Whether a NETDEV_UNREGISTER repeated for a device already unregistered changes nothing here. The kernel's
     * notifiers are written so (the first UNREGISTER dropped whatever they held; the wait loop's re-broadcasts
     * are for holders that were busy then), and so are nssim's; a long sleep then accounts the wait loop's
     * re-broadcasts instead of delivering each. A notifier that watches every event says false.
     */
    default boolean idempotentRebroadcast() {
        return true;
    }

    /**
     * The part of this notifier's NETDEV_REGISTER or NETDEV_CHANGENAME handling that can fail, asked before the
     * device is listed or renamed so that a refusal leaves nothing behind (the kernel unwinds after the
     * notifier chain returns NOTIFY_BAD; the outcome is the same). IPv4's {@code devinet_sysctl_register}
     * refuses the names "default" and "all", which its sysctl directory already uses (EINVAL).
     */
    default io.nssim.core.Result<Void> checkName(NetDevice dev, String name) {
        return io.nssim.core.Result.ok();
    }
}
