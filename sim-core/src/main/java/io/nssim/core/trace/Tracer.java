package io.nssim.core.trace;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the kernel functions a command ran through, indented by depth: what {@code nssim trace on} prints.
 * Off by default; when off, every call returns at once (callers that build a detail string check
 * {@link #isOn()} first). Lines go to the sink when one is set, as they happen, else they are kept until
 * {@link #drain()}. Not thread-safe: the kernel's callers serialise, and tracing is meant for the single
 * threaded command line and tests.
 *
 * <p>Conventions: {@link #enter} names a kernel function (and its arguments) whose callees follow one level
 * deeper until the matching {@link #exit}; {@link #note} is one event at the current depth, for a function
 * that calls nothing worth showing ({@code get_net}, {@code veth_dellink}) or a state change.
 */
public final class Tracer {
    private boolean on;
    private int depth;
    private final List<String> lines = new ArrayList<>();
    private Consumer<String> sink;

    public void setOn(boolean enabled) {
        this.on = enabled;
        this.depth = 0;
    }

    public boolean isOn() {
        return on;
    }

    /**
     * Where lines go as they are produced (each without indentation prefix beyond the depth's, without a
     * newline); null to keep them for {@link #drain()} again.
     */
    public void setSink(Consumer<String> s) {
        this.sink = s;
    }

    public void enter(String function, String detail) {
        if (on) {
            emit(function + (detail.isEmpty() ? "" : "(" + detail + ")"));
            depth++;
        }
    }

    public void exit() {
        if (on && depth > 0) {
            depth--;
        }
    }

    public void note(String text) {
        if (on) {
            emit(text);
        }
    }

    private void emit(String text) {
        String line = "  ".repeat(depth) + text;
        if (sink != null) {
            sink.accept(line);
        } else {
            lines.add(line);
        }
    }

    /** The lines recorded since the last drain. */
    public ImmutableList<String> drain() {
        ImmutableList<String> out = ImmutableList.copyOf(lines);
        lines.clear();
        return out;
    }
}
