package io.nssim.core.packet;

/** {@code rx_handler_result_t}: what a device's receive handler (a bridge port's) did with a frame. */
public enum RxHandlerResult {
    /** {@code RX_HANDLER_CONSUMED}: the handler took the packet; stop. */
    CONSUMED,
    /** {@code RX_HANDLER_ANOTHER}: the handler changed {@code skb->dev}; receive again on the new device. */
    ANOTHER,
    /** {@code RX_HANDLER_EXACT}: deliver only to protocol handlers bound to this exact device. */
    EXACT,
    /** {@code RX_HANDLER_PASS}: go on with normal protocol delivery on this device. */
    PASS
}
