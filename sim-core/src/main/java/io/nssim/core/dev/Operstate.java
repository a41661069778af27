package io.nssim.core.dev;

/** RFC 2863 operational state ({@code IF_OPER_*}), as {@code ip link} prints it after "state". */
public enum Operstate {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP
}
