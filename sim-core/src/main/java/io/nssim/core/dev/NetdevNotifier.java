package io.nssim.core.dev;

/**
 * A subscriber to the netdevice notifier chain ({@code register_netdevice_notifier}): IPv4 drops addresses
 * on UNREGISTER, the bridge releases ports, and so on. Called under the kernel lock.
 */
@FunctionalInterface
public interface NetdevNotifier {
    void onEvent(NetdevEvent event, NetDevice dev);
}
