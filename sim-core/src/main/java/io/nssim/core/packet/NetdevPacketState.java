package io.nssim.core.packet;

import io.nssim.core.skb.SkbDropCounters;

/**
 * The packet-path fields of {@code struct net_device}, kept together so the device layer only carries one
 * reference: the drop counters per reason, the receive handler ({@code rx_handler}, set by a bridge on its
 * ports), the device's receive NAPI instance and the address families' per-device state ({@code ip_ptr},
 * {@code ip6_ptr}). The references are volatile: control operations set them, packet threads read them.
 */
public final class NetdevPacketState {
    /**
     * One address family's slot on every device ({@code dev->ip_ptr}, {@code dev->ip6_ptr}), typed by what that
     * family's module keeps there. The module makes one key and reads and writes its slot through it.
     */
    public static final class AfSlot<T> {
        /** The families with a slot on every device, as struct net_device has a pointer for each. */
        public enum Family {
            /** {@code ip_ptr}: IPv4's {@code struct in_device}. */
            INET,
            /** {@code ip6_ptr}: IPv6's {@code struct inet6_dev}. */
            INET6
        }

        private final Family family;
        private final Class<T> type;

        private AfSlot(Family family, Class<T> type) {
            this.family = family;
            this.type = type;
        }

        /** The key to {@code family}'s slot, holding a {@code type}. */
        public static <T> AfSlot<T> of(Family family, Class<T> type) {
            return new AfSlot<>(family, type);
        }

        @Override
        public String toString() {
            return family + " slot (" + type.getSimpleName() + ")";
        }
    }

    /**
     * Made by the first drop on the device (most devices never drop: lo in every idle net), under this object's
     * monitor so that racing packet threads agree on one; published through the volatile field.
     */
    private volatile SkbDropCounters dropReasons;
    private volatile RxHandler rxHandler;
    private volatile Object rxHandlerData;
    private volatile NapiStruct napi;
    /** {@code dev->ip_ptr}. */
    private volatile Object ipPtr;
    /** {@code dev->ip6_ptr}. */
    private volatile Object ip6Ptr;

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

    /**
     * The family's per-device state ({@code dev->ip_ptr} for INET, {@code dev->ip6_ptr} for INET6), or null when
     * the family is not set up on the device (or another key's type is there).
     */
    public <T> T afPtr(AfSlot<T> slot) {
        Object o = slot.family == AfSlot.Family.INET ? ipPtr : ip6Ptr;
        return slot.type.isInstance(o) ? slot.type.cast(o) : null;
    }

    /** Sets the family's per-device state (null clears it): its module's netdevice notifier does. */
    public <T> void setAfPtr(AfSlot<T> slot, T value) {
        if (slot.family == AfSlot.Family.INET) {
            this.ipPtr = value;
        } else {
            this.ip6Ptr = value;
        }
    }
}
