package io.nssim.core.testing;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/** An ordered record of calls ("init A net:[4026532000]"), shared by the test doubles of one test. */
public final class CallLog {
    private final List<String> lines = new ArrayList<>();

    public void add(String line) {
        lines.add(line);
    }

    public ImmutableList<String> lines() {
        return ImmutableList.copyOf(lines);
    }

    /** Lines that start with any of the given prefixes, in order ("init ", "exit A "). */
    public ImmutableList<String> startingWith(String... prefixes) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (String l : lines) {
            for (String p : prefixes) {
                if (l.startsWith(p)) {
                    b.add(l);
                    break;
                }
            }
        }
        return b.build();
    }

    /** Lines that mention {@code text}, in order. */
    public ImmutableList<String> mentioning(String text) {
        return lines.stream().filter(l -> l.contains(text)).collect(ImmutableList.toImmutableList());
    }

    public int size() {
        return lines.size();
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
