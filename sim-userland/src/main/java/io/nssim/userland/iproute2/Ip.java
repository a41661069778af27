package io.nssim.userland.iproute2;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;

/** The {@code ip} program (iproute2 6.1): {@code ip [OPTIONS] OBJECT COMMAND}, for netns, link and monitor. */
public final class Ip implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        IpRun run = new IpRun(proc);
        try {
            return run.main(argv);
        } catch (IpExit e) {
            return Outcome.exit(e.status);
        }
    }
}
