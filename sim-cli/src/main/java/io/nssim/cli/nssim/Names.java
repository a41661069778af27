package io.nssim.cli.nssim;

import io.nssim.core.Kernel;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefToken;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.userland.shell.Job;
import io.nssim.userland.shell.Shell;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the nssim commands name things: a net by its inode and its /run/netns names (or the name it had), a task
 * by its pid and command line, a reference by what holds it. Remembers each net's last name, refreshed before
 * every command line, so that a net that lost its name is still recognisable.
 */
final class Names {
    private final Kernel kernel;
    private final Shell shell;
    /** The last /run/netns name seen for each net (newest mount wins). */
    private final Map<Net, String> lastName = new IdentityHashMap<>();
    /** The /run/netns entry serial up to which names are noted. */
    private long seenSerial;
    private int sizeAfterSweep;

    Names(Kernel kernel, Shell shell) {
        this.kernel = kernel;
        this.shell = shell;
    }

    /**
     * Notes the names created since the last call; forgets nets that have been freed. Runs before every line, so
     * it costs time proportional to what changed, not to the number of names: a net's newest name wins, and
     * freed nets are swept once the memory has doubled since the last sweep (amortised O(1) per net).
     */
    void refresh() {
        long serial = kernel.nsfs().runNetns().lastSerial();
        if (serial != seenSerial) {
            List<String> added = kernel.nsfs().runNetns().namesCreatedAfter(seenSerial);
            // Newest first: walk it backwards so that the newest name of a net wins.
            for (int i = added.size() - 1; i >= 0; i--) {
                String n = added.get(i);
                kernel.nsfs().runNetns().lookup(n).ifPresent(net -> lastName.put(net, n));
            }
            seenSerial = serial;
        }
        if (lastName.size() > 2 * sizeAfterSweep + 64) {
            lastName.keySet().removeIf(net -> net.state() == NetState.FREED);
            sizeAfterSweep = lastName.size();
        }
    }

    /** "init_net", "blue", "blue, b2" (every name mounted on it), "blue (name deleted)" or "(no name)". */
    String label(Net net) {
        if (net.isInitNet()) {
            return "init_net";
        }
        List<String> now = kernel.nsfs().runNetns().namesOf(net);
        if (!now.isEmpty()) {
            return String.join(", ", now);
        }
        String old = lastName.get(net);
        return old != null ? old + " (name deleted)" : "(no name)";
    }

    /** A short label for diagrams: "init_net", "blue", "(blue)" for a deleted name, "" for none. */
    String shortLabel(Net net) {
        if (net.isInitNet()) {
            return "init_net";
        }
        List<String> now = kernel.nsfs().runNetns().namesOf(net);
        if (!now.isEmpty()) {
            return String.join(", ", now);
        }
        String old = lastName.get(net);
        return old != null ? "(" + old + ")" : "";
    }

    /** "net:[4026532001] blue". */
    String title(Net net) {
        return net + " " + label(net);
    }

    /**
     * A net given as NAME (a /run/netns name, or one a net had before it was deleted), {@code init_net},
     * {@code pid:N} or {@code inode:N}. Empty, with the reason in {@code why}, when there is none.
     */
    Optional<Net> resolve(String spec, StringBuilder why) {
        refresh();
        if (spec.startsWith("pid:")) {
            Optional<Integer> pid = number(spec.substring(4));
            Optional<Task> t = pid.flatMap(p -> kernel.tasks().byPid(p));
            if (t.isEmpty()) {
                why.append("no process with pid ").append(spec.substring(4));
                return Optional.empty();
            }
            return Optional.of(t.get().net());
        }
        if (spec.startsWith("inode:")) {
            Optional<Long> ino = longNumber(spec.substring(6));
            Net found = null;
            for (Net n : kernel.netns().allocated()) {
                // A dead net's inode may already be reused: the live owner wins.
                if (ino.isPresent() && n.inode() == ino.get() && (found == null || found.state() == NetState.DEAD)) {
                    found = n;
                }
            }
            if (found == null) {
                why.append("no net with inode ").append(spec.substring(6));
                return Optional.empty();
            }
            return Optional.of(found);
        }
        Optional<Net> named = kernel.nsfs().runNetns().lookup(spec);
        if (named.isPresent()) {
            return named;
        }
        if (kernel.nsfs().runNetns().exists(spec)) {
            why.append("/run/netns/").append(spec).append(" has nothing mounted on it");
            return Optional.empty();
        }
        if (spec.equals("init_net")) {
            return Optional.of(kernel.initNet());
        }
        Net had = null;
        for (Net n : kernel.netns().allocated()) {
            if (spec.equals(lastName.get(n))) {
                had = n; // the most recently allocated one
            }
        }
        if (had != null) {
            return Optional.of(had);
        }
        why.append("no namespace named \"").append(spec).append("\" (try init_net, pid:N or inode:N)");
        return Optional.empty();
    }

    /** "pid 42 (sleep 100)": the command as the shell started it for a job, else the task's comm. */
    String task(Task t) {
        for (Job j : shell.jobs()) {
            if (j.pid() == t.pid() && !j.isDone()) {
                return "pid " + t.pid() + " (" + j.command() + ")";
            }
        }
        return t.describe();
    }

    /**
     * Why a count reference is held, in words: "pid 42 (sleep 100)", "/run/netns/a (bind mount)",
     * "udp socket 10.0.0.1:53 (open in pid 9 (x))", "an open nsfs file of pid 8 (ip)".
     */
    String countHolder(RefToken t) {
        if (kernel.netns().isStaticReference(t)) {
            return "init_net itself (static: it never dies)";
        }
        for (Task task : kernel.tasks().list()) {
            NetRef ref = task.nsproxyRef();
            if (ref != null && ref.token() == t) {
                return task(task);
            }
        }
        for (NetRef m : kernel.nsfs().runNetns().mounts()) {
            if (m.token() == t) {
                return m.holder();
            }
        }
        for (Sock s : kernel.socks().list()) {
            if (s.netRef() != null && s.netRef().token() == t) {
                Task owner = ownerOf(s);
                return s.description() + (owner == null ? " (open, no process has it)" : " (open in " + task(owner) + ")");
            }
        }
        for (Task task : kernel.tasks().list()) {
            for (OpenFile f : task.files()) {
                if (f instanceof NsFile nf && nf.netRef().token() == t) {
                    return "an open nsfs file of " + task(task) + " (" + t.holder() + ")";
                }
            }
        }
        return t.holder();
    }

    private Task ownerOf(OpenFile f) {
        for (Task task : kernel.tasks().list()) {
            if (task.files().contains(f)) {
                return task;
            }
        }
        return null;
    }

    /** The count holders of {@code net} in words, oldest first. */
    List<String> countHolders(Net net) {
        List<String> out = new ArrayList<>();
        for (RefToken t : net.count().holders()) {
            out.add(countHolder(t));
        }
        return out;
    }

    static Optional<Integer> number(String s) {
        if (!s.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s));
    }

    private static Optional<Long> longNumber(String s) {
        if (!s.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }
}
