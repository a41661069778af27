package io.nssim.core.netfilter;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * {@code struct nf_hook_ops}: one registration, {@code fn} at {@code hook} with {@code priority} (see
 * {@link NfIpPriority}). Registrations are compared by identity: register and unregister the same object.
 */
public final class NfHookOps {
    private final String name;
    private final NfInetHook hook;
    private final int priority;
    private final NfHookFn fn;

    public NfHookOps(String name, NfInetHook hook, int priority, NfHookFn fn) {
        this.name = checkNotNull(name, "name");
        this.hook = checkNotNull(hook, "hook");
        this.priority = priority;
        this.fn = checkNotNull(fn, "fn");
    }

    public String name() {
        return name;
    }

    public NfInetHook hook() {
        return hook;
    }

    public int priority() {
        return priority;
    }

    public NfHookFn fn() {
        return fn;
    }

    @Override
    public String toString() {
        return name + "@" + hook + "/" + priority;
    }
}
