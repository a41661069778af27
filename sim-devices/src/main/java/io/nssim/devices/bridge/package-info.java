/**
 * net/bridge: the software bridge. A {@link io.nssim.devices.bridge.Bridge} is a netns-local master device
 * whose ports ({@link io.nssim.devices.bridge.BridgePort}) are enslaved with {@code ip link set DEV master BR}
 * under br_add_if's rules; its carrier follows its forwarding ports; its MAC follows the lowest port MAC unless
 * set; its forwarding database ({@link io.nssim.devices.bridge.Fdb}) learns source addresses and ages them out
 * in virtual time; {@link io.nssim.devices.bridge.BridgeForwarding} decides, as a pure function of an immutable
 * {@link io.nssim.devices.bridge.BridgeSnapshot}, where a frame goes. Spanning tree, VLAN filtering and
 * multicast snooping are not modelled: every enabled port forwards at once, as with {@code stp_state 0}.
 */
package io.nssim.devices.bridge;
