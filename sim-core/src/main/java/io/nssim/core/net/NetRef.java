package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.ref.RefToken;

/**
 * One counted reference on a net ({@code get_net} with a {@code netns_tracker}): what a task's nsproxy, an
 * open nsfs file, a bind mount or a user socket holds. Give it back with {@code Kernel.putNet}.
 */
public record NetRef(Net net, RefToken token) {
    public NetRef {
        checkNotNull(net, "net");
        checkNotNull(token, "token");
    }

    public String holder() {
        return token.holder();
    }
}
