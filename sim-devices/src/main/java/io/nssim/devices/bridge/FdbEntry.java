package io.nssim.devices.bridge;

import io.nssim.core.dev.MacAddress;

/**
 * One forwarding database entry as readers see it ({@code bridge fdb show}): the address, the port it points
 * at (port number, 0 for the bridge device itself), whether it is local (one of the bridge's own addresses,
 * delivered up) and static (never aged), and when it was last refreshed.
 *
 * @param address      the station's MAC address
 * @param portNo       the port's number, or 0 when it points at the bridge itself
 * @param device       the name of the port's device (or the bridge's) when the snapshot was taken
 * @param local        {@code BR_FDB_LOCAL}: {@code permanent} in {@code bridge fdb show}
 * @param isStatic     {@code BR_FDB_STATIC}: not aged out
 * @param updatedNanos virtual time of the last refresh ({@code f->updated})
 */
public record FdbEntry(MacAddress address, int portNo, String device, boolean local, boolean isStatic,
                       long updatedNanos) {
}
