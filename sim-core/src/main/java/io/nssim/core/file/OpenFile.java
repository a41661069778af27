package io.nssim.core.file;

import static com.google.common.base.Preconditions.checkState;

/**
 * {@code struct file}: shared by every descriptor that refers to it (fork, dup, SCM_RIGHTS), released when
 * the last one closes ({@code f_count}). nsfs files and sockets are the kinds that hold namespaces.
 */
public abstract class OpenFile {
    private int fcount = 1;

    /** One more descriptor refers to this file ({@code get_file}). */
    public final void get() {
        checkState(fcount > 0, "get_file on released %s", this);
        fcount++;
    }

    /** One descriptor closed ({@code fput}); the last releases the file. Returns whether it was released. */
    public final boolean put() {
        checkState(fcount > 0, "fput on released %s", this);
        if (--fcount == 0) {
            release();
            return true;
        }
        return false;
    }

    public final int fileCount() {
        return fcount;
    }

    public final boolean isClosed() {
        return fcount == 0;
    }

    /** Drops what the file holds (its namespace reference). */
    protected abstract void release();
}
