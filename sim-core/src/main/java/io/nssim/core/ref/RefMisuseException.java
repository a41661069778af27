package io.nssim.core.ref;

/**
 * A reference counting bug: a hold on a counter already at zero (use after free), a put below zero, or
 * the same token put twice. The kernel would WARN (refcount_t saturation, ref_tracker "already released");
 * nssim fails loudly, since the caller's code is wrong.
 */
public final class RefMisuseException extends IllegalStateException {
    public RefMisuseException(String message) {
        super(message);
    }
}
