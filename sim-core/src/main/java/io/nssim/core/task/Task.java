package io.nssim.core.task;

import com.google.common.collect.ImmutableList;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import java.util.ArrayList;
import java.util.List;

/** {@code task_struct}, reduced to what namespaces care about: pid, command, nsproxy and open files. */
public final class Task {
    private final int pid;
    private final int ppid;
    private String comm;
    private NetRef nsproxyNet;
    private boolean exited;
    private int exitCode;
    private final List<OpenFile> files = new ArrayList<>();

    Task(int pid, int ppid, String comm, NetRef net) {
        this.pid = pid;
        this.ppid = ppid;
        this.comm = comm;
        this.nsproxyNet = net;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    /** The command name ({@code comm}), as ps shows it. */
    public String comm() {
        return comm;
    }

    /** The net of the task's nsproxy; null once exited. */
    public Net net() {
        return nsproxyNet == null ? null : nsproxyNet.net();
    }

    NetRef nsproxyNet() {
        return nsproxyNet;
    }

    /**
     * The counted reference the task's nsproxy holds on {@link #net()}, or null once exited. For checkers and
     * leak reports: only the task table puts it (exit, unshare, setns).
     */
    public NetRef nsproxyRef() {
        return nsproxyNet;
    }

    void setNsproxyNet(NetRef ref) {
        this.nsproxyNet = ref;
    }

    void setComm(String c) {
        this.comm = c;
    }

    public boolean hasExited() {
        return exited;
    }

    public int exitCode() {
        return exitCode;
    }

    void markExited(int code) {
        this.exited = true;
        this.exitCode = code;
    }

    /** Open files (nsfs files and sockets), in the order they were opened. */
    public ImmutableList<OpenFile> files() {
        return ImmutableList.copyOf(files);
    }

    List<OpenFile> mutableFiles() {
        return files;
    }

    /** "pid 42 (sleep)": how reference holders name a task. */
    public String describe() {
        return "pid " + pid + " (" + comm + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
