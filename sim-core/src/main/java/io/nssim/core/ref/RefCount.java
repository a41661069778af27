package io.nssim.core.ref;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reference counter with an optional tracker: {@code refcount_t} plus {@code ref_tracker_dir}.
 *
 * <p>The count is atomic so that packet paths may hold and put without the kernel lock; the tracker map
 * is guarded by this object's monitor. A counter that has reached zero can never be raised again (the
 * object is being torn down): {@link #hold} then fails loudly and {@link #tryHold} returns null, which is
 * how {@code maybe_get_net} refuses a dying namespace.
 *
 * <p>An idle object keeps little: the name is built only for messages, and the tracker's map and the shared
 * untracked token are made on first use.
 */
public final class RefCount {
    /** What the counter belongs to; its text starts the name. */
    private final Object subject;
    /** What of the subject it counts ("count", "passive"), or null when {@link #subject} is the whole name. */
    private final String what;
    private final RefTracking tracking;
    /** The count, changed by compare-and-set through {@link #COUNT} (a field rather than an AtomicInteger). */
    private volatile int count;
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(RefCount.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** Ids for tracked tokens; guarded by {@code this}. */
    private long nextId;
    /** Live tokens in the order they were taken, made on the first tracked hold; guarded by {@code this}. */
    private Map<Long, RefToken> live;
    /** The token every hold returns when tracking is off, made on the first such hold. */
    private volatile RefToken untracked;
    private volatile boolean everHeld;

    public RefCount(String name, RefTracking tracking) {
        this.subject = checkNotNull(name, "name");
        this.what = null;
        this.tracking = checkNotNull(tracking, "tracking");
    }

    /**
     * A counter named {@code "<subject> <what>"}, e.g. {@code net:[4026532041] count}; the name is built from
     * {@code subject}'s text when a message needs it.
     */
    public RefCount(Object subject, String what, RefTracking tracking) {
        this.subject = checkNotNull(subject, "subject");
        this.what = checkNotNull(what, "what");
        this.tracking = checkNotNull(tracking, "tracking");
    }

    /** What this counter counts, for messages: "net 4026532041 count". */
    public String name() {
        return what == null ? (String) subject : subject + " " + what;
    }

    /** The object this counter belongs to (the name itself for a counter made from a name only). */
    public Object subject() {
        return subject;
    }

    public int count() {
        return count;
    }

    public RefTracking tracking() {
        return tracking;
    }

    /**
     * Takes a reference. Raising a counter that has dropped to zero is a use-after-free and fails with
     * {@link RefMisuseException}; the very first hold of a fresh counter starts it at one.
     */
    public RefToken hold(String holder) {
        RefToken token = tryHold(holder);
        if (token == null) {
            throw new RefMisuseException("refcount_t: addition on 0; use-after-free of " + name()
                    + " by " + holder);
        }
        return token;
    }

    /** Takes a reference unless the count is zero after having been held ({@code refcount_inc_not_zero}). */
    public RefToken tryHold(String holder) {
        checkNotNull(holder, "holder");
        for (;;) {
            int c = count;
            if (c == 0 && everHeld) {
                return null;
            }
            if (COUNT.compareAndSet(this, c, c + 1)) {
                everHeld = true;
                return track(holder);
            }
        }
    }

    /**
     * Drops the reference the token stands for. Returns true when this put took the count to zero: the
     * caller then owns the teardown, as {@code refcount_dec_and_test} hands it to the kernel's caller.
     */
    public boolean put(RefToken token) {
        checkNotNull(token, "token");
        if (token.owner() != this) {
            throw new IllegalArgumentException("token of " + token.owner().name() + " put on " + name());
        }
        Object site = tracking == RefTracking.ON ? CallSite.capture() : "";
        if (token != untracked) {
            synchronized (this) {
                if (token.isReleased()) {
                    throw new RefMisuseException("reference already released: " + name() + " held by "
                            + token.holder() + "\n  taken at    " + token.holdSite()
                            + "\n  released at " + token.releaseSite()
                            + "\n  released again at " + site);
                }
                token.markReleased(site);
                if (live != null) {
                    live.remove(token.id());
                }
            }
        }
        for (;;) {
            int c = count;
            if (c <= 0) {
                throw new RefMisuseException("refcount_t: underflow; " + name() + " put by " + token.holder());
            }
            if (COUNT.compareAndSet(this, c, c - 1)) {
                return c == 1;
            }
        }
    }

    /** Whether {@code token} is one of this counter's live references (always false when tracking is off). */
    public synchronized boolean isHeld(RefToken token) {
        return token.owner() == this && live != null && live.get(token.id()) == token;
    }

    /** The holders of the references still held, oldest first; empty when tracking is off. */
    public synchronized ImmutableList<RefToken> holders() {
        return live == null ? ImmutableList.of() : ImmutableList.copyOf(live.values());
    }

    private RefToken track(String holder) {
        if (tracking == RefTracking.OFF) {
            RefToken t = untracked;
            if (t == null) {
                synchronized (this) {
                    t = untracked;
                    if (t == null) {
                        t = new RefToken(this, -1, "untracked", "");
                        untracked = t;
                    }
                }
            }
            return t;
        }
        CallSite site = CallSite.capture();
        synchronized (this) {
            RefToken token = new RefToken(this, nextId++, holder, site);
            if (live == null) {
                live = new LinkedHashMap<>();
            }
            live.put(token.id(), token);
            return token;
        }
    }

    @Override
    public String toString() {
        return name() + "=" + count;
    }
}
