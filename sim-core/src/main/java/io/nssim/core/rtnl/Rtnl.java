package io.nssim.core.rtnl;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

/**
 * The rtnl mutex ({@code rtnl_lock}/{@code rtnl_unlock}, net/core/rtnetlink.c): its nesting depth and what the
 * outermost unlock does on the way out. The device layer installs that work ({@link UnlockWork}): the linkwatch
 * queue while the lock is still held, then {@code netdev_run_todo}, which waits for unregistered devices to
 * lose their last reference. The netns cleanup worker takes rtnl for the device phase through this class, not
 * through the device layer.
 *
 * <p>The simulator serialises kernel operations under one lock; this class models rtnl's nesting and its
 * unlock hooks, not mutual exclusion.
 */
public final class Rtnl {
    /** What the device layer runs when the outermost rtnl section ends. */
    public interface UnlockWork {
        /** Still under the lock, as the outermost section ends: the linkwatch queue ({@code linkwatch_run_queue}). */
        void beforeUnlock();

        /**
         * After the lock dropped: {@code netdev_run_todo}; {@code whenDone} (null when the caller does not wait)
         * runs once every device it took is free, at once when there is none.
         */
        void afterUnlock(Runnable whenDone);

        /** Whether no unregistration is still waiting for references. */
        boolean allFreed();
    }

    private static final UnlockWork NONE = new UnlockWork() {
        @Override
        public void beforeUnlock() {
        }

        @Override
        public void afterUnlock(Runnable whenDone) {
            if (whenDone != null) {
                whenDone.run();
            }
        }

        @Override
        public boolean allFreed() {
            return true;
        }
    };

    /** Nesting depth of the mutex; 0 outside any rtnl section. */
    private int depth;
    private UnlockWork work = NONE;

    /** Installs the device layer's unlock work; once, at boot. */
    public void setUnlockWork(UnlockWork w) {
        checkState(work == NONE, "rtnl unlock work installed twice");
        this.work = checkNotNull(w, "work");
    }

    /** {@code rtnl_lock}: sections nest; the outermost unlock runs linkwatch and the todo list. */
    public void lock() {
        depth++;
    }

    /**
     * {@code rtnl_unlock}: the outermost unlock runs the linkwatch queue and then {@code netdev_run_todo}.
     * Returns whether every unregistration has completed (no device is waiting for references).
     */
    public boolean unlock() {
        unlock(null, true);
        return work.allFreed();
    }

    /**
     * {@code rtnl_unlock} by a caller that sleeps in {@code netdev_run_todo} until the devices it unregistered
     * are free: {@code whenDone} runs then, at once if nothing waits.
     */
    public void unlock(Runnable whenDone) {
        unlock(checkNotNull(whenDone, "whenDone"), true);
    }

    /** {@code __rtnl_unlock}: the outermost unlock runs linkwatch but not the todo list. */
    public void unlockWithoutTodo() {
        unlock(null, false);
    }

    /** Whether some rtnl section is open ({@code rtnl_is_locked}). */
    public boolean isHeld() {
        return depth > 0;
    }

    private void unlock(Runnable whenDone, boolean runTodo) {
        checkState(depth > 0, "rtnl_unlock without rtnl_lock");
        if (depth == 1) {
            work.beforeUnlock();
        }
        depth--;
        if (depth > 0) {
            checkState(whenDone == null, "rtnl_unlock(whenDone) inside a nested rtnl section");
            return;
        }
        if (runTodo) {
            work.afterUnlock(whenDone);
        }
    }
}
