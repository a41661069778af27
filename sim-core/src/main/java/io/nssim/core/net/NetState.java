package io.nssim.core.net;

/** Where a net is in its life. */
public enum NetState {
    /** Being set up: pernet inits are running; not yet on the net list, invisible to everyone else. */
    SETTING_UP,
    /** On the net list, count above zero. */
    ALIVE,
    /** Count reached zero: on the cleanup list, waiting for the netns worker ({@code __put_net}). */
    CLEANUP_QUEUED,
    /** Unlinked from the net list; the worker is running its exits. */
    EXITING,
    /** Exits done and the struct's own passive reference dropped; other passive holders keep the memory. */
    DEAD,
    /** Passive reached zero: freed ({@code net_free}). */
    FREED
}
