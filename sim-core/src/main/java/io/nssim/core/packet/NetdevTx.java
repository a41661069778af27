package io.nssim.core.packet;

/** {@code netdev_tx_t}: what a driver's {@code ndo_start_xmit} answers. */
public enum NetdevTx {
    /** {@code NETDEV_TX_OK}: the driver took the packet (sent, queued or dropped and counted). */
    OK,
    /** {@code NETDEV_TX_BUSY}: the driver could not take it; the caller still owns the packet. */
    BUSY
}
