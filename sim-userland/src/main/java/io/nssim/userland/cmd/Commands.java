package io.nssim.userland.cmd;

import io.nssim.userland.awk.Awk;
import io.nssim.userland.coreutils.Cat;
import io.nssim.userland.coreutils.Cut;
import io.nssim.userland.coreutils.Date;
import io.nssim.userland.coreutils.FileOps;
import io.nssim.userland.coreutils.Id;
import io.nssim.userland.coreutils.Ls;
import io.nssim.userland.coreutils.Stat;
import io.nssim.userland.coreutils.Timeout;
import io.nssim.userland.findutils.Xargs;
import io.nssim.userland.procps.Pgrep;
import io.nssim.userland.procps.Ps;
import io.nssim.userland.utillinux.Lsns;
import io.nssim.userland.utillinux.Mount;
import io.nssim.userland.utillinux.Nsenter;
import io.nssim.userland.utillinux.Unshare;
import io.nssim.userland.coreutils.Env;
import io.nssim.userland.coreutils.Head;
import io.nssim.userland.coreutils.PathName;
import io.nssim.userland.coreutils.Seq;
import io.nssim.userland.coreutils.Sort;
import io.nssim.userland.coreutils.Tee;
import io.nssim.userland.coreutils.Tr;
import io.nssim.userland.coreutils.Uniq;
import io.nssim.userland.coreutils.Wc;
import io.nssim.userland.coreutils.Yes;
import io.nssim.userland.grep.Grep;
import io.nssim.userland.sed.Sed;
import io.nssim.userland.shell.Programs;

/** Puts the user-space programs other than {@code ip} on the simulated machine's PATH. */
public final class Commands {
    private Commands() {
    }

    public static void install(Programs programs) {
        programs.register("ping", new Ping());
        programs.register("sysctl", new Sysctl());
        programs.register("cat", new Cat());
        programs.register("grep", new Grep());
        programs.register("egrep", (p, argv) -> new Grep().run(p, withFirstOption(argv, "-E")));
        programs.register("fgrep", (p, argv) -> new Grep().run(p, withFirstOption(argv, "-F")));
        programs.register("wc", new Wc());
        programs.register("head", Head.head());
        programs.register("tail", Head.tail());
        programs.register("sort", new Sort());
        programs.register("uniq", new Uniq());
        programs.register("cut", new Cut());
        programs.register("tr", new Tr());
        programs.register("tee", new Tee());
        programs.register("seq", new Seq());
        programs.register("basename", PathName.basename());
        programs.register("dirname", PathName.dirname());
        programs.register("env", new Env());
        programs.register("date", new Date());
        programs.register("yes", new Yes());
        programs.register("sed", new Sed());
        programs.register("awk", new Awk());
        programs.register("ls", new Ls());
        programs.register("stat", new Stat());
        programs.register("readlink", FileOps.readlink());
        programs.register("touch", FileOps.touch());
        programs.register("mkdir", FileOps.mkdir());
        programs.register("rmdir", FileOps.rmdir());
        programs.register("rm", FileOps.rm());
        programs.register("id", Id.id());
        programs.register("hostname", Id.hostname());
        programs.register("timeout", new Timeout());
        programs.register("xargs", new Xargs());
        programs.register("nsenter", new Nsenter());
        programs.register("unshare", new Unshare());
        programs.register("lsns", new Lsns());
        programs.register("mount", Mount.mount());
        programs.register("umount", Mount.umount());
        programs.register("ps", new Ps());
        programs.register("pgrep", new Pgrep());
        programs.register("mawk", new Awk());
        programs.register("ethtool", new Ethtool());
    }

    private static java.util.List<String> withFirstOption(java.util.List<String> argv, String opt) {
        java.util.List<String> a = new java.util.ArrayList<>(argv);
        a.add(1, opt);
        return a;
    }
}
