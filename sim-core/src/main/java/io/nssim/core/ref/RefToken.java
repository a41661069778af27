package io.nssim.core.ref;

/**
 * One reference held on a {@link RefCount}, like a {@code netns_tracker} or {@code netdevice_tracker}: it
 * names the holder and remembers where it was taken and, once put, where it was released.
 */
public final class RefToken {
    private final RefCount owner;
    private final long id;
    private final String holder;
    /** Where it was taken: a {@link CallSite} formatted on demand, or "" untracked. */
    private final Object holdSite;
    /** Where it was put (a {@link CallSite} or ""), null while held. */
    private volatile Object releaseSite;

    RefToken(RefCount owner, long id, String holder, Object holdSite) {
        this.owner = owner;
        this.id = id;
        this.holder = holder;
        this.holdSite = holdSite;
    }

    /** Who holds this reference, in words: "pid 42 (sleep)", "/run/netns/a", "udp socket". */
    public String holder() {
        return holder;
    }

    /** Where the hold was taken (a Java call site), or "" when tracking is off. */
    public String holdSite() {
        return holdSite.toString();
    }

    /** Where the reference was put, or null while it is held. */
    public String releaseSite() {
        Object s = releaseSite;
        return s == null ? null : s.toString();
    }

    public boolean isReleased() {
        return releaseSite != null;
    }

    /** The counter this token belongs to. */
    public RefCount owner() {
        return owner;
    }

    long id() {
        return id;
    }

    void markReleased(Object site) {
        this.releaseSite = site;
    }

    @Override
    public String toString() {
        return holder + (isReleased() ? " (released)" : "");
    }
}
