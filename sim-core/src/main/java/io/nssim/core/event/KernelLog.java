package io.nssim.core.event;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kernel ring buffer: every {@code printk} with its virtual timestamp, as {@code dmesg} prints it. */
public final class KernelLog {
    private final List<KernelEvent.Log> lines = new ArrayList<>();

    public void add(KernelEvent.Log line) {
        lines.add(line);
    }

    public ImmutableList<KernelEvent.Log> lines() {
        return ImmutableList.copyOf(lines);
    }

    /** {@code [    1.000000] text}, dmesg's default format. */
    public static String format(KernelEvent.Log l) {
        long micros = l.nanos() / 1000;
        return String.format(Locale.ROOT, "[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, l.line());
    }

    public void clear() {
        lines.clear();
    }
}
