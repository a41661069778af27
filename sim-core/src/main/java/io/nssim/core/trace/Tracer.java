package io.nssim.core.trace;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the kernel functions a command ran through, indented by depth. Off by default; when off, every
 * call returns at once.
 */
public final class Tracer {
    private boolean on;
    private int depth;
    private final List<String> lines = new ArrayList<>();

    public void setOn(boolean enabled) {
        this.on = enabled;
        this.depth = 0;
    }

    public boolean isOn() {
        return on;
    }

    public void enter(String function, String detail) {
        if (on) {
            lines.add("  ".repeat(depth) + function + (detail.isEmpty() ? "" : "(" + detail + ")"));
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
            lines.add("  ".repeat(depth) + text);
        }
    }

    /** The lines recorded since the last drain. */
    public ImmutableList<String> drain() {
        ImmutableList<String> out = ImmutableList.copyOf(lines);
        lines.clear();
        return out;
    }
}
