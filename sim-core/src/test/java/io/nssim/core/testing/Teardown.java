package io.nssim.core.testing;

import io.nssim.core.Kernel;
import io.nssim.core.file.OpenFile;
import io.nssim.core.task.Task;
import java.time.Duration;

/** Ends a machine's life the orderly way, so that whatever is left afterwards is a leak. */
public final class Teardown {
    /** Long enough for the cleanup worker and any device wait that can end at all. */
    public static final Duration SETTLE = Duration.ofMinutes(1);

    private Teardown() {
    }

    /**
     * Deletes every /run/netns name, makes every task but init exit (newest first), closes init's files and
     * advances time by {@link #SETTLE}. References held elsewhere (by a test, a socket nobody installed, an op
     * that forgot its exit) are left, for {@link Kernel#assertNoLeaks()} to report.
     */
    public static void reap(Kernel k) {
        for (String name : k.nsfs().runNetns().names()) {
            k.netnsNames().delete(name);
        }
        for (Task t : k.tasks().list().reverse()) {
            if (t.pid() != 1) {
                k.tasks().exit(t, 0);
            }
        }
        for (OpenFile f : k.init().files()) {
            k.tasks().closeFile(k.init(), f);
        }
        k.advance(SETTLE);
    }
}
