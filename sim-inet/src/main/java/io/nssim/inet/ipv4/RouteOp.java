package io.nssim.inet.ipv4;

/**
 * The {@code ip route} verbs and the netlink flags they send with {@code RTM_NEWROUTE}: what happens when a
 * route with the same prefix, TOS and metric already exists.
 */
public enum RouteOp {
    /** {@code NLM_F_CREATE|NLM_F_EXCL}: EEXIST if one exists. */
    ADD(true, true, false, false),
    /** {@code NLM_F_CREATE|NLM_F_APPEND}: add after the existing ones (EEXIST only for an identical route). */
    APPEND(true, false, false, true),
    /** {@code NLM_F_CREATE}: add before the existing ones (EEXIST only for an identical route). */
    PREPEND(true, false, false, false),
    /** {@code NLM_F_CREATE|NLM_F_REPLACE}: replace the first existing one, or add. */
    REPLACE(true, false, true, false),
    /** {@code NLM_F_REPLACE}: replace the first existing one; ENOENT if there is none. */
    CHANGE(false, false, true, false);

    final boolean create;
    final boolean excl;
    final boolean replace;
    final boolean append;

    RouteOp(boolean create, boolean excl, boolean replace, boolean append) {
        this.create = create;
        this.excl = excl;
        this.replace = replace;
        this.append = append;
    }
}
