package io.nssim.devices.bridge;

/** {@code BR_STATE_*}, as {@code bridge link} prints them. */
public enum PortState {
    DISABLED, LISTENING, LEARNING, FORWARDING, BLOCKING;

    /** Whether frames received in this state update the FDB ({@code br_handle_frame}). */
    public boolean learns() {
        return this == LEARNING || this == FORWARDING;
    }
}
