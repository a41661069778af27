package io.nssim.userland.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import io.nssim.core.net.Net;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest {
    private final StringBuilder out = new StringBuilder();
    private Machine m;
    private int line;

    @BeforeEach
    void boot() {
        m = Machine.boot(1, out::append);
        m.shell().setScriptName("t.sh");
    }

    private int run(String cmd) {
        out.setLength(0);
        return m.shell().runLine(++line, cmd);
    }

    @Test
    void shouldRunAsPidSixAndForkTheFirstCommandAsPidSeven() {
        assertEquals(6, m.shell().task().pid());
        assertEquals(0, run("sleep 1 &"));
        assertEquals("7", m.shell().lastBackgroundPid());
    }

    @Test
    void shouldForkEvenForAnUnknownCommandAndExit127() {
        assertEquals(127, run("foo bar"));
        assertEquals("t.sh: line 1: foo: command not found\n", out.toString());
        run("sleep 5 &");
        assertEquals("8", m.shell().lastBackgroundPid());
    }

    @Test
    void shouldAdvanceVirtualTimeOnlyWhileSleeping() {
        long t0 = m.kernel().clock().nanoTime();
        run("echo hi");
        run("ip link");
        assertEquals(t0, m.kernel().clock().nanoTime());
        run("sleep 1.5");
        assertEquals(t0 + Duration.ofMillis(1500).toNanos(), m.kernel().clock().nanoTime());
    }

    @Test
    void shouldRefuseExecNestedAThousandDeepWithAMessageInsteadOfOverflowingTheStack() {
        run("ip netns add a");
        String nested = "ip netns exec a ".repeat(1000) + "true";
        int status = run(nested);
        assertEquals(Shell.EXEC_NESTING_STATUS, status);
        assertTrue(out.toString().startsWith("nssim: ip: nesting limit of " + Shell.EXEC_NESTING_LIMIT + " "),
                out::toString);
        assertEquals(0, m.kernel().tasks().list().stream().filter(t -> t.comm().equals("ip")).count(),
                "every nested ip process exited");
        assertEquals(0, run("ip netns exec a ".repeat(Shell.EXEC_NESTING_LIMIT - 1) + "sleep 1"),
                "nesting up to the limit runs, sleeping included");
        assertEquals(0, run("true"), "the shell goes on");
    }

    @Test
    void shouldTurnAnExceptionIntoOneInternalErrorLineWithStatus70AndGoOn() {
        m.shell().registerBuiltin("boom", (p, args) -> {
            throw new IllegalStateException("a bug");
        });
        assertEquals(Shell.INTERNAL_ERROR_STATUS, run("boom now"));
        assertEquals("nssim: internal error in boom now (IllegalStateException: a bug)\n", out.toString());
        assertEquals(java.util.List.of("line 1: boom now (java.lang.IllegalStateException: a bug)"),
                m.shell().internalErrors(), "recorded for the test suites");
        assertEquals(0, run("ip netns add a"), "the script goes on");
        assertEquals(java.util.List.of(), m.kernel().checkInvariants());
    }

    @Test
    void shouldEndTheForegroundProcessAndCloseRtnlWhenAProgramThrows() {
        m.shell().programs().register("crash", (p, argv) -> {
            p.kernel().netdev().rtnlLock();
            throw new IllegalArgumentException("half done");
        });
        long before = m.kernel().tasks().list().size();
        assertEquals(Shell.INTERNAL_ERROR_STATUS, run("crash"));
        assertEquals(before, m.kernel().tasks().list().size(), "the crashed child exited");
        assertTrue(!m.kernel().rtnl().isHeld(), "the rtnl section it left open was closed");
        assertEquals(0, run("ip link add va type veth peer name vb"));
    }

    @Test
    void shouldKillEveryJobButNotTheShellWithKillMinusOne() {
        run("sleep 100 &");
        run("sleep 200 &");
        assertEquals(0, run("kill -9 -1"), out::toString);
        assertTrue(!m.shell().terminated());
        assertEquals(1, run("kill -9 -1"), "no process left to signal: ESRCH");
        assertEquals("t.sh: line 4: kill: (-1) - No such process\n", out.toString());
    }

    @Test
    void shouldEndTheShellAndItsJobsWithKillZero() {
        run("sleep 100 &");
        assertEquals(143, run("kill 0"));
        assertTrue(m.shell().terminated(), "bash signalled its own process group");
        assertEquals(0, m.kernel().tasks().list().stream().filter(t -> t.comm().equals("sleep")).count());
    }

    @Test
    void shouldIgnoreKillNineOfInit() {
        assertEquals(0, run("kill -9 1"));
        assertEquals("", out.toString());
        assertTrue(!m.shell().terminated());
    }

    @Test
    void shouldKeepANamespaceAliveWhileAJobInItRuns() {
        run("ip netns add a");
        Net a = m.kernel().nsfs().runNetns().lookup("a").orElseThrow();
        run("ip netns exec a sleep 3 &");
        run("ip netns del a");
        run("sleep 1");
        assertTrue(a.isAlive(), "the job's task still holds the namespace");
        run("sleep 3");
        assertTrue(!a.isAlive(), "the namespace dies once the job has exited and time has advanced");
    }

    @Test
    void shouldKillAJobAndLetWaitReturnItsSignalStatus() {
        run("sleep 100 &");
        assertEquals(0, run("kill %1"));
        assertEquals(143, run("wait %1"));
        assertEquals(1, run("kill %1"));
        assertEquals("t.sh: line 4: kill: %1: no such job\n", out.toString());
    }

    @Test
    void shouldReportAJobKilledBySigkillAfterTheNextForegroundCommand() {
        run("sleep 100 &");
        run("kill -9 %1");
        assertEquals("", out.toString());
        run("sleep 0.2");
        assertEquals("t.sh: line 3:     7 Killed                  sleep 100\n", out.toString());
    }

    @Test
    void shouldWaitForEveryJobByAdvancingToItsEnd() {
        run("sleep 5 &");
        run("sleep 2 &");
        long t0 = m.kernel().clock().nanoTime();
        assertEquals(0, run("wait"));
        assertEquals(t0 + Duration.ofSeconds(5).toNanos(), m.kernel().clock().nanoTime());
        assertTrue(m.shell().jobs().isEmpty());
    }

    @Test
    void shouldReportWaitAndKillErrorsAsBashDoes() {
        assertEquals(127, run("wait 12345"));
        assertEquals("t.sh: line 1: wait: pid 12345 is not a child of this shell\n", out.toString());
        assertEquals(1, run("kill 99999"));
        assertEquals("t.sh: line 2: kill: (99999) - No such process\n", out.toString());
        assertEquals(2, run("kill"));
        assertTrue(out.toString().startsWith("kill: usage:"));
    }

    @Test
    void shouldPrintEchoArgumentsLikeBash() {
        run("echo -n a b");
        assertEquals("a b", out.toString());
        run("echo -e \"x\\ty\"");
        assertEquals("x\ty\n", out.toString());
    }
}
