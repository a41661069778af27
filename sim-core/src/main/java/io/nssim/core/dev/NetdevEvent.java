package io.nssim.core.dev;

/** What the netdevice notifier chain announces ({@code NETDEV_*}). */
public enum NetdevEvent {
    REGISTER, UNREGISTER, PRE_UNINIT, PRE_UP, UP, GOING_DOWN, DOWN, CHANGE, CHANGENAME, PRECHANGEMTU, CHANGEMTU,
    PRE_CHANGEADDR, CHANGEADDR, PRECHANGEUPPER, CHANGEUPPER, CHANGE_TX_QUEUE_LEN
}
