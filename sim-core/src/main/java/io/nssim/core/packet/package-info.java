/**
 * The packet path of net/core/dev.c: {@link io.nssim.core.packet.PacketLayer} ({@code dev_queue_xmit},
 * {@code netif_rx}, {@code netif_receive_skb}, protocol and receive-handler registration), NAPI instances with
 * their bounded JCTools rings ({@link io.nssim.core.packet.NapiStruct}, {@link io.nssim.core.packet.RxRing}),
 * the two {@link io.nssim.core.packet.ExecutionMode execution modes} (deterministic softirq in virtual time,
 * concurrent poll threads), and the transmit helpers drivers share ({@link io.nssim.core.packet.VethXmit},
 * {@link io.nssim.core.packet.PacketLayer#loopbackXmit}).
 */
package io.nssim.core.packet;
