package io.nssim.core.trace;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the kernel functions a command ran through, indented by depth: what {@code nssim trace on} prints.
 * Off by default; when off, every call returns at once, and the arguments of {@link #enter(String, Object)}
 * and the {@code note(format, args)} family are turned into text only when on, so callers need no
 * {@code isOn()} check around them. Lines go to the sink when one is set, as they happen, else they are kept until
 * {@link #drain()}. Not thread-safe: the kernel's callers serialise, and tracing is meant for the single
 * threaded command line and tests.
 *
 * <p>Conventions: {@link #enter} names a kernel function (and its arguments) whose callees follow one level
 * deeper until the matching {@link #exit}, or until the returned {@link Scope} closes:
 * {@code try (var t = trace.enter("setup_net", net)) { ... }}; {@link #note} is one event at the current depth,
 * for a function that calls nothing worth showing ({@code get_net}, {@code veth_dellink}) or a state change.
 * In a format, each {@code {}} stands for the next argument, as {@code String.valueOf} writes it.
 */
public final class Tracer {
    private boolean on;
    private int depth;
    private final List<String> lines = new ArrayList<>();
    private Consumer<String> sink;
    /** What every {@link #enter} returns: closing it is the matching {@link #exit}. */
    private final Scope scope = this::exit;

    /** A traced function's extent; closing it returns to the caller's depth. Closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

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

    /** Enters {@code function(detail)}; {@code detail} is written only when on (empty: no parentheses). */
    public Scope enter(String function, Object detail) {
        if (on) {
            String d = String.valueOf(detail);
            emit(function + (d.isEmpty() ? "" : "(" + d + ")"));
            depth++;
        }
        return scope;
    }

    /** Enters {@code function(format)} with the {@code {}} in {@code format} replaced by {@code a}. */
    public Scope enter(String function, String format, Object a) {
        if (on) {
            emit(function + "(" + format(format, a, null, null) + ")");
            depth++;
        }
        return scope;
    }

    /** Enters {@code function(format)} with the {@code {}}s in {@code format} replaced by {@code a} and {@code b}. */
    public Scope enter(String function, String format, Object a, Object b) {
        if (on) {
            emit(function + "(" + format(format, a, b, null) + ")");
            depth++;
        }
        return scope;
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

    /** {@link #note(String)} of {@code format} with its {@code {}} replaced by {@code a}, only when on. */
    public void note(String format, Object a) {
        if (on) {
            emit(format(format, a, null, null));
        }
    }

    /** {@link #note(String)} of {@code format} with its {@code {}}s replaced by {@code a} and {@code b}. */
    public void note(String format, Object a, Object b) {
        if (on) {
            emit(format(format, a, b, null));
        }
    }

    /** {@link #note(String)} of {@code format} with its {@code {}}s replaced by {@code a}, {@code b}, {@code c}. */
    public void note(String format, Object a, Object b, Object c) {
        if (on) {
            emit(format(format, a, b, c));
        }
    }

    /** {@code format} with its first three {@code {}} replaced by the arguments in turn. */
    static String format(String format, Object a, Object b, Object c) {
        StringBuilder sb = new StringBuilder(format.length() + 32);
        Object[] args = {a, b, c};
        int arg = 0;
        int from = 0;
        for (int i = format.indexOf("{}"); i >= 0 && arg < args.length; i = format.indexOf("{}", from)) {
            sb.append(format, from, i).append(args[arg++]);
            from = i + 2;
        }
        return sb.append(format, from, format.length()).toString();
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
