package io.nssim.core.packet;

import io.nssim.core.skb.SkBuff;

/**
 * {@code rx_handler_func_t}: a device's receive hook, registered with {@link PacketLayer#rxHandlerRegister}
 * (what the bridge installs on each port). Called on the receive path for every frame arriving on the device,
 * before protocol delivery; may run on a poll thread.
 */
@FunctionalInterface
public interface RxHandler {
    /**
     * Looks at (and may take, or redirect to another device by setting {@code skb.dev}) a received frame whose
     * MAC header has been pulled.
     */
    RxHandlerResult handleFrame(SkBuff skb);
}
