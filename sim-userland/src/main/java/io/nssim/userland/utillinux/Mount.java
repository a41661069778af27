package io.nssim.userland.utillinux;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * util-linux {@code mount --bind|-B|-o bind SOURCE TARGET} and {@code umount TARGET}: a bind mount of a namespace
 * file ({@code /proc/PID/ns/net}, another /run/netns entry) onto a /run/netns entry holds the net, exactly as
 * {@code ip netns add}/{@code attach} do. Other mounts are refused with an nssim message; umount's failures are
 * util-linux's ({@code not mounted.}, {@code no mount point specified.}, status 32).
 */
public final class Mount implements Program {
    private final boolean umount;

    private Mount(boolean umount) {
        this.umount = umount;
    }

    public static Mount mount() {
        return new Mount(false);
    }

    public static Mount umount() {
        return new Mount(true);
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean bind = false;
        List<String> ops = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--bind") || a.equals("-B") || a.equals("--make-private") || a.equals("--make-rprivate")) {
                bind |= !a.contains("private");
            } else if (a.equals("-o") && i + 1 < argv.size()) {
                bind |= List.of(argv.get(++i).split(",")).contains("bind");
            } else if (a.equals("-l") || a.equals("-n") || a.equals("-v")) {
                continue;
            } else if (a.startsWith("-")) {
                proc.err().print("nssim: " + argv.get(0) + " " + a + " is not simulated\n");
                return Outcome.exit(1);
            } else {
                ops.add(a);
            }
        }
        if (umount) {
            if (ops.isEmpty()) {
                proc.err().print("Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n"
                        + "\nUnmount filesystems.\n");
                return Outcome.exit(1);
            }
            int status = 0;
            for (String t : ops) {
                Result<Void> r = proc.fs().umount(proc.task(), t);
                if (r.isErr()) {
                    Errno e = r.error().errno();
                    proc.err().print("umount: " + t + ": " + (e == Errno.ENOENT ? "no mount point specified."
                            : e == Errno.EINVAL ? "not mounted." : e == Errno.EBUSY ? "target is busy."
                            : e.strerror()) + "\n");
                    status = 32;
                }
            }
            return Outcome.exit(status);
        }
        if (ops.isEmpty()) {
            proc.err().print("nssim: mount without arguments (the mount table) is not simulated\n");
            return Outcome.exit(1);
        }
        if (!bind || ops.size() != 2) {
            proc.err().print("nssim: mount " + String.join(" ", argv.subList(1, argv.size()))
                    + " is not simulated: only mount --bind of a namespace file onto a /run/netns entry is\n");
            return Outcome.exit(32);
        }
        Result<Void> r = proc.fs().bindMount(proc.task(), ops.get(0), ops.get(1));
        if (r.isErr()) {
            Errno e = r.error().errno();
            if (e == Errno.EOPNOTSUPP) {
                proc.err().print("nssim: mount --bind " + ops.get(0) + " " + ops.get(1)
                        + " is not simulated: only namespace files onto /run/netns entries are\n");
                return Outcome.exit(32);
            }
            boolean sourceMissing = proc.fs().stat(proc.task(), ops.get(0), true).isErr();
            String what = sourceMissing ? "special device " + ops.get(0) + " does not exist."
                    : e == Errno.ENOENT ? "mount point does not exist." : e == Errno.EBUSY
                    ? "mount point is busy." : e.strerror() + ".";
            proc.err().print("mount: " + ops.get(1) + ": " + what + "\n");
            return Outcome.exit(32);
        }
        return Outcome.exit(0);
    }
}
