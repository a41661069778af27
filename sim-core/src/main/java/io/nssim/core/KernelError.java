package io.nssim.core;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A failed kernel operation: the errno and, where the kernel sets one, the netlink extended-ack message
 * ({@code NL_SET_ERR_MSG}) that iproute2 prints as {@code Error: MSG.}. An empty extack means none.
 */
public record KernelError(Errno errno, String extack) {
    public KernelError {
        checkNotNull(errno, "errno");
        checkNotNull(extack, "extack");
    }

    public static KernelError of(Errno errno) {
        return new KernelError(errno, "");
    }

    public static KernelError of(Errno errno, String extack) {
        return new KernelError(errno, extack);
    }

    public boolean hasExtack() {
        return !extack.isEmpty();
    }

    @Override
    public String toString() {
        return errno + (extack.isEmpty() ? "" : " (" + extack + ")");
    }
}
