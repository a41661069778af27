package io.nssim.core.dev;

/** What the netdevice notifier chain announces ({@code NETDEV_*}). */
public enum NetdevEvent {
    REGISTER, UNREGISTER, PRE_UP, UP, GOING_DOWN, DOWN, CHANGE, CHANGENAME, CHANGEMTU, CHANGEADDR,
    CHANGEUPPER, PRE_CHANGEADDR, CHANGE_CARRIER
}
