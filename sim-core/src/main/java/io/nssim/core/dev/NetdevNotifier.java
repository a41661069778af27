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
}
