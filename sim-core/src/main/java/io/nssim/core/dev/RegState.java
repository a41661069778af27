package io.nssim.core.dev;

/** {@code enum netdev_reg_state}. */
public enum RegState {
    UNINITIALIZED, REGISTERED, UNREGISTERING, UNREGISTERED, RELEASED
}
