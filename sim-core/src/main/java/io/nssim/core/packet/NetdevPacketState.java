package io.nssim.core.packet;

import io.nssim.core.skb.SkbDropCounters;

/**
 * The packet-path fields of {@code struct net_device}, kept together so the device layer only carries one
 * reference: the drop counters per reason, the receive handler ({@code rx_handler}, set by a bridge on its
 * ports), the device's receive NAPI instance and the IPv4 per-device state ({@code ip_ptr}). The references are
 * volatile: control operations set them, packet threads read them.
 */
public final class NetdevPacketState {
    /**
     * Made by the first drop on the device (most devices never drop: lo in every idle net), under this object's
     * monitor so that racing packet threads agree on one; published through the volatile field.
     */
    private volatile SkbDropCounters dropReasons;
    private volatile RxHandler rxHandler;
    private volatile Object rxHandlerData;
    private volatile NapiStruct napi;
    private volatile Object ipPtr;

    /** Packets freed while on this device, per {@code SKB_DROP_REASON_*}. */
    public SkbDropCounters dropReasons() {
        SkbDropCounters d = dropReasons;
        return d != null ? d : makeDropReasons();
    }

    private synchronized SkbDropCounters makeDropReasons() {
        if (dropReasons == null) {
            dropReasons = new SkbDropCounters();
        }
        return dropReasons;
    }

    /** {@code dev->rx_handler}, or null. */
    public RxHandler rxHandler() {
        return rxHandler;
    }

    /** {@code dev->rx_handler_data}: what the handler's owner keeps with it (the bridge port), or null. */
    public Object rxHandlerData() {
        return rxHandlerData;
    }

    void setRxHandler(RxHandler h, Object data) {
        this.rxHandlerData = data;
        this.rxHandler = h;
    }

    /** The device's receive NAPI instance (see {@link PacketLayer#napiAdd}), or null. */
    public NapiStruct napi() {
        return napi;
    }

    void setNapi(NapiStruct n) {
        this.napi = n;
    }

    /** {@code dev->ip_ptr}: the IPv4 layer's {@code in_device}, or null when IPv4 is not up on the device. */
    public Object ipPtr() {
        return ipPtr;
    }

    /**
     * Sets {@code dev->ip_ptr}.
     *
     * @hidden for the IPv4 layer's netdevice notifier only
     */
    public void setIpPtr(Object inDevice) {
        this.ipPtr = inDevice;
    }
}
