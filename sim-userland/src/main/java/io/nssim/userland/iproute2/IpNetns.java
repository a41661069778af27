package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.core.libc.Strtol;
import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.nsfs.RunNetns;
import io.nssim.core.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code ip netns} (ip/ipnetns.c): names under /run/netns bind-mounted onto namespaces, nsids, and running
 * commands inside a namespace. The directory listing order is tmpfs's: newest first.
 */
final class IpNetns {
    private static final int NAME_MAX = 255;
    private final IpRun ip;
    private final RunNetns run;

    IpNetns(IpRun ip) {
        this.ip = ip;
        this.run = ip.kernel.nsfs().runNetns();
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-netns-help.txt"));
        return new IpExit(255);
    }

    private static boolean invalidName(String name) {
        return name.isEmpty() || name.length() > NAME_MAX || name.contains("/") || name.equals(".")
                || name.equals("..");
    }

    Outcome doNetns(Args a) {
        List<String> args = a.rest();
        if (args.isEmpty()) {
            return IpRun.status(list());
        }
        if (!ip.opt.all && args.size() > 1 && invalidName(args.get(1))) {
            ip.err("Invalid netns name \"" + args.get(1) + "\"\n");
            throw new IpExit(255);
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst")) {
            return IpRun.status(list());
        }
        if (matches(cmd, "list-id")) {
            return IpRun.status(listId(rest));
        }
        if (matches(cmd, "help")) {
            throw usage();
        }
        if (matches(cmd, "add")) {
            return IpRun.status(add(rest, true));
        }
        if (matches(cmd, "set")) {
            return IpRun.status(set(rest));
        }
        if (matches(cmd, "delete")) {
            return IpRun.status(delete(rest));
        }
        if (matches(cmd, "identify")) {
            return IpRun.status(identify(rest));
        }
        if (matches(cmd, "pids")) {
            return IpRun.status(pids(rest));
        }
        if (matches(cmd, "exec")) {
            return exec(rest);
        }
        if (matches(cmd, "monitor")) {
            return monitor();
        }
        if (matches(cmd, "attach")) {
            return IpRun.status(add(rest, false));
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip netns help\".\n");
        throw new IpExit(255);
    }

    // ---- nsids as iproute2 sees them ----

    /** {@code get_netnsid_from_name}: the id the current net gives the net mounted at NAME, or -1. */
    private int nsidOfName(String name) {
        Optional<Net> n = run.lookup(name);
        return n.isEmpty() ? -1 : ip.kernel.netns().peernet2id(ip.net(), n.get());
    }

    /** {@code get_name_from_nsid} through {@code netns_map_init}: the first name (list order) with that id. */
    String nameOfNsid(int nsid) {
        for (String name : run.names()) {
            if (nsidOfName(name) == nsid) {
                return name;
            }
        }
        return null;
    }

    // ---- list ----

    private int list() {
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, false);
        for (String name : run.names()) {
            p.openObject(null);
            p.string(Mode.ANY, "name", "%s", name);
            int id = nsidOfName(name);
            if (id >= 0) {
                p.integer(Mode.ANY, "id", " (id: %d)", id);
            }
            p.raw("\n");
            p.closeObject();
        }
        ip.out(p.close());
        return 0;
    }

    private int listId(List<String> args) {
        int targetNsid = -1;
        int nsid = -1;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if (w.equals("target-nsid") || w.equals("nsid")) {
                boolean target = w.equals("target-nsid");
                if ((target ? targetNsid : nsid) >= 0) {
                    throw ip.duparg(w, w);
                }
                if (i + 1 >= args.size()) {
                    ip.err("Command line is not complete. Try option \"help\"\n");
                    throw new IpExit(255);
                }
                String v = args.get(++i);
                Optional<Integer> n = IpLink.getInteger(v);
                if (n.isEmpty()) {
                    throw ip.invarg("\"" + w + "\" value is invalid", v);
                }
                if (n.get() < 0) {
                    throw ip.invarg("\"" + w + "\" value should be >= 0", i + 1 < args.size() ? args.get(i + 1)
                            : "(null)");
                }
                if (target) {
                    targetNsid = n.get();
                } else {
                    nsid = n.get();
                }
            } else {
                throw usage();
            }
        }
        Net observer = ip.net();
        if (targetNsid >= 0) {
            Net t = observer.nsids().peer(targetNsid);
            if (t == null) {
                ip.rtnlError(io.nssim.core.KernelError.of(Errno.EINVAL, "Invalid target network namespace id"));
                ip.err("Dump terminated\n");
                throw new IpExit(1);
            }
            observer = t;
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, false);
        Map<Integer, Net> ids = observer.nsids().snapshot();
        if (nsid >= 0) {
            Net peer = ids.get(nsid);
            if (peer == null) {
                ip.rtnlError(io.nssim.core.KernelError.of(Errno.EINVAL, "Peer netns reference is invalid"));
                return -2;
            }
            printNsid(p, false, nsid, peer);
        } else {
            for (Map.Entry<Integer, Net> e : ids.entrySet()) {
                printNsid(p, false, e.getKey(), e.getValue());
            }
        }
        ip.out(p.close());
        return 0;
    }

    /** {@code print_nsid}: "nsid N (iproute2 netns name: NAME)", with "Deleted " for RTM_DELNSID. */
    void printNsid(JsonPrint p, boolean deleted, int nsid, Net peer) {
        p.openObject(null);
        if (deleted) {
            p.bool(Mode.ANY, "deleted", "Deleted ", true);
        }
        p.integer(Mode.ANY, "nsid", "nsid %d ", nsid);
        String name = deleted ? null : nameOfNsid(nsid);
        if (name == null && deleted) {
            name = cachedName(nsid);
        }
        if (name != null) {
            p.string(Mode.ANY, "name", "(iproute2 netns name: %s)", name);
        }
        p.raw("\n");
        p.closeObject();
    }

    /** Names remembered by a monitor (the cache netns_map_init filled when it started). */
    private Map<Integer, String> monitorCache = Map.of();

    void setMonitorCache(Map<Integer, String> cache) {
        this.monitorCache = cache;
    }

    private String cachedName(int nsid) {
        return monitorCache.get(nsid);
    }

    // ---- add / attach ----

    private int add(List<String> args, boolean create) {
        int pid = 0;
        if (create) {
            if (args.isEmpty()) {
                ip.err("No netns name specified\n");
                return -1;
            }
        } else {
            if (args.size() < 2) {
                ip.err("No netns name and PID specified\n");
                return -1;
            }
            Optional<Integer> p = IpLink.getInteger(args.get(1));
            if (p.isEmpty() || p.get() == 0) {
                ip.err("Invalid PID: " + args.get(1) + "\n");
                return -1;
            }
            pid = p.get();
        }
        String name = args.get(0);
        String path = RunNetns.DIR + "/" + name;
        if (name.contains("/") || name.equals(".") || name.equals("..") || name.isEmpty()) {
            // Only reachable with -all, which skips the name check: the path is not a plain file in /run/netns.
            ip.err("Cannot create namespace file \"" + path + "\": " + Errno.ENOENT.strerror() + "\n");
            return -1;
        }
        Result<Void> created = run.createFile(name);
        if (created.isErr()) {
            ip.err("Cannot create namespace file \"" + path + "\": " + created.error().errno().strerror() + "\n");
            return -1;
        }
        Net target;
        Net saved = ip.net();
        if (create) {
            Result<Void> u = ip.kernel.tasks().unshareNet(ip.proc.task());
            if (u.isErr()) {
                ip.err("Failed to create a new network namespace \"" + name + "\": "
                        + u.error().errno().strerror() + "\n");
                run.unlink(name);
                return -1;
            }
            target = ip.net();
        } else {
            Optional<Task> t = ip.kernel.tasks().byPid(pid);
            if (t.isEmpty() || t.get().net() == null) {
                ip.err("Bind /proc/" + pid + "/ns/net -> " + path + " failed: " + Errno.ENOENT.strerror() + "\n");
                run.unlink(name);
                return -1;
            }
            target = t.get().net();
        }
        Result<Void> m = run.bindMount(name, target);
        if (m.isErr()) {
            String proc = create ? "/proc/self/ns/net" : "/proc/" + pid + "/ns/net";
            ip.err("Bind " + proc + " -> " + path + " failed: " + m.error().errno().strerror() + "\n");
            if (create) {
                ip.setns(saved);
            }
            run.unlink(name);
            return -1;
        }
        if (create) {
            // netns_restore: back into the namespace ip started in.
            ip.setns(saved);
        }
        return 0;
    }

    // ---- delete ----

    private int delete(List<String> args) {
        if (args.isEmpty() && !ip.opt.all) {
            ip.err("No netns name specified\n");
            return -1;
        }
        if (ip.opt.all) {
            for (String name : run.names()) {
                if (delOne(name) != 0) {
                    break;
                }
            }
            return 0;
        }
        return delOne(args.get(0));
    }

    private int delOne(String name) {
        String path = RunNetns.DIR + "/" + name;
        run.umount(name);
        Result<Void> r = run.unlink(name);
        if (r.isErr()) {
            ip.err("Cannot remove namespace file \"" + path + "\": " + r.error().errno().strerror() + "\n");
            return -1;
        }
        return 0;
    }

    // ---- set ----

    private int set(List<String> args) {
        if (args.isEmpty()) {
            ip.err("No netns name specified\n");
            return -1;
        }
        if (args.size() < 2) {
            ip.err("No nsid specified\n");
            return -1;
        }
        String name = args.get(0);
        int nsid;
        if (args.get(1).equals("auto")) {
            nsid = -1;
        } else {
            Optional<Integer> n = IpLink.getInteger(args.get(1));
            if (n.isEmpty()) {
                throw ip.invarg("Invalid \"netnsid\" value", args.get(1));
            }
            if (n.get() < 0) {
                throw ip.invarg("\"netnsid\" value should be >= 0", args.get(1));
            }
            nsid = n.get();
        }
        Optional<Net> peer = name.contains("/") ? Optional.empty() : run.lookup(name);
        if (peer.isEmpty()) {
            ip.err("Cannot open network namespace \"" + name + "\": " + Errno.ENOENT.strerror() + "\n");
            return -1;
        }
        Result<Integer> r = ip.kernel.netns().setNsid(ip.net(), peer.get(), nsid);
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    // ---- identify / pids ----

    private static boolean isPid(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Strtol.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int identify(List<String> args) {
        Net net;
        if (args.isEmpty()) {
            net = ip.net();
        } else if (args.size() > 1) {
            ip.err("extra arguments specified\n");
            return -1;
        } else {
            String pidstr = args.get(0);
            if (!isPid(pidstr)) {
                ip.err("Specified string '" + pidstr + "' is not a pid\n");
                return -1;
            }
            Optional<Task> t = pidstr.isEmpty() || pidstr.length() > 9 ? Optional.empty()
                    : ip.kernel.tasks().byPid(Integer.parseInt(pidstr));
            if (t.isEmpty() || t.get().net() == null) {
                ip.err("Cannot open network namespace: " + Errno.ENOENT.strerror() + "\n");
                return -1;
            }
            net = t.get().net();
        }
        String found = "";
        for (String name : run.names()) {
            Optional<Net> n = run.lookup(name);
            if (n.isPresent() && n.get() == net) {
                found = name;
            }
        }
        ip.out(found + "\n");
        return 0;
    }

    private int pids(List<String> args) {
        if (args.isEmpty()) {
            ip.err("No netns name specified\n");
            return -1;
        }
        if (args.size() > 1) {
            ip.err("extra arguments specified\n");
            return -1;
        }
        Optional<Net> net = args.get(0).contains("/") ? Optional.empty() : run.lookup(args.get(0));
        if (net.isEmpty()) {
            ip.err("Cannot open network namespace: " + Errno.ENOENT.strerror() + "\n");
            return -1;
        }
        StringBuilder sb = new StringBuilder();
        for (Task t : ip.kernel.tasks().inNet(net.get())) {
            sb.append(t.pid()).append('\n');
        }
        ip.out(sb.toString());
        return 0;
    }

    // ---- exec ----

    private Outcome exec(List<String> args) {
        if (args.isEmpty() && !ip.opt.all) {
            ip.err("No netns name specified\n");
            return IpRun.status(-1);
        }
        if ((args.size() < 2 && !ip.opt.all) || (args.isEmpty() && ip.opt.all)) {
            ip.err("No command specified\n");
            return IpRun.status(-1);
        }
        if (ip.opt.all) {
            return execAll(new ArrayList<>(run.names()), 0, args);
        }
        // cmd_exec without fork: switch this process, then execvp; its status is ip's.
        if (!ip.netnsSwitch(args.get(0))) {
            return IpRun.status(1);
        }
        return execvp(ip.proc, args.subList(1, args.size()));
    }

    /** {@code execvp}; on failure "exec of ... failed" and {@code _exit(1)}. */
    private static Outcome execvp(Proc proc, List<String> cmd) {
        Optional<Outcome> o = proc.exec(cmd);
        if (o.isEmpty()) {
            proc.out().print("exec of \"" + cmd.get(0) + "\" failed: " + Errno.ENOENT.strerror() + "\n");
            return Outcome.exit(1);
        }
        return o.get();
    }

    /** {@code netns_foreach(on_netns_exec)}: per name, a header, then a forked child runs the command. */
    private Outcome execAll(List<String> names, int i, List<String> cmd) {
        if (i >= names.size()) {
            return Outcome.exit(0);
        }
        String name = names.get(i);
        ip.out("\nnetns: " + name + "\n");
        Proc child = ip.proc.fork();
        IpRun childIp = new IpRun(child);
        Outcome o;
        if (!childIp.netnsSwitch(name)) {
            o = Outcome.exit(255);
        } else {
            o = execvp(child, cmd);
        }
        return waitChild(child, o, () -> execAll(names, i + 1, cmd));
    }

    /** The parent's {@code waitpid} on a child whose program may sleep: continue once it exits. */
    static Outcome waitChild(Proc child, Outcome o, Supplier<Outcome> then) {
        if (o instanceof Outcome.Exit e) {
            child.exit(e.status());
            return then.get();
        }
        if (o instanceof Outcome.Sleep s) {
            return new Outcome.Sleep(s.duration(), () -> waitChild(child, s.then().get(), then));
        }
        Outcome.Forever f = (Outcome.Forever) o;
        return new Outcome.Forever(() -> {
            f.onKill().run();
            child.exit(130);
        });
    }

    // ---- monitor ----

    private Outcome monitor() {
        AutoCloseable sub = ip.kernel.events().subscribe(e -> {
            if (e instanceof KernelEvent.NetnsName n) {
                ip.out((n.added() ? "add " : "delete ") + n.name() + "\n");
            }
        });
        return new Outcome.Forever(() -> {
            try {
                sub.close();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }
}
