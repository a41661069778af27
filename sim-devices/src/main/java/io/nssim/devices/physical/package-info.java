/**
 * A physical NIC (virtio_net-like): a device without link ops, probed by its driver module into init_net at
 * load. {@code ip link del} refuses it; when the namespace it was moved to dies it is refunded to init_net
 * (renamed {@code devN} if its name is taken there); only unbinding the driver unregisters it.
 */
package io.nssim.devices.physical;
