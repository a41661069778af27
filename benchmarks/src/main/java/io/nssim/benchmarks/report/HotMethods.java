package io.nssim.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording of a benchmark says it spent its time in: the execution samples ({@code
 * jdk.ExecutionSample}, taken asynchronously, not at safepoints, inlined frames included) counted by the method
 * on top of the stack (self time) and by every method on the stack (inclusive time). JMH's {@code -prof jfr}
 * writes one recording per benchmark point; this is what the report shows of each.
 */
public final class HotMethods {
    /** A method and its share of the samples. */
    public record Share(String method, double percent) {
    }

    /** The summary of one recording. */
    public record Summary(int samples, List<Share> self, List<Share> inclusive, List<Share> allocations) {
        public String render(int top) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%d execution samples%n%nself time (top of stack):%n", samples));
            for (Share s : self.subList(0, Math.min(top, self.size()))) {
                sb.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", s.percent(), s.method()));
            }
            sb.append(String.format(Locale.ROOT, "%ninclusive time (anywhere on the stack, below the benchmark):%n"));
            for (Share s : inclusive.subList(0, Math.min(top, inclusive.size()))) {
                sb.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", s.percent(), s.method()));
            }
            if (!allocations.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%nallocations (jdk.ObjectAllocationSample, by weight: class <- "
                        + "allocating method):%n"));
                for (Share s : allocations.subList(0, Math.min(8, allocations.size()))) {
                    sb.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", s.percent(), s.method()));
                }
            }
            return sb.toString();
        }
    }

    private HotMethods() {
    }

    /** Summarises {@code jfr}; frames of JMH's harness and of the JDK's threads are left out of the inclusive list. */
    public static Summary summarise(Path jfr) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long allocatedWeight = 0;
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty() || !onBenchmarkPath(st)) {
                    continue;
                }
                long w = e.getLong("weight");
                String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
                allocated.merge(cls + " <- " + name(st.getFrames().get(0)), w, Long::sum);
                allocatedWeight += w;
                continue;
            }
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith("org.openjdk.jmh.") || n.contains(".jmh_generated.")
                        || n.startsWith("java.lang.Thread.") || n.startsWith("jdk.internal.reflect.")
                        || n.startsWith("java.lang.reflect.")
                        || n.startsWith("java.util.concurrent.") && !n.contains("atomic")) {
                    continue;
                }
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        List<Share> allocs = new ArrayList<>();
        for (Map.Entry<String, Long> e : allocated.entrySet()) {
            allocs.add(new Share(e.getKey(), 100.0 * e.getValue() / allocatedWeight));
        }
        allocs.sort((a, b) -> Double.compare(b.percent(), a.percent()));
        return new Summary(samples, top(self, samples), top(inclusive, samples), allocs);
    }

    /** Whether the stack is the benchmark's (not the JMH harness's or a JDK thread's own work). */
    private static boolean onBenchmarkPath(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            if (name(f).startsWith("io.nssim.")) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static List<Share> top(Map<String, Integer> counts, int samples) {
        List<Share> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.add(new Share(e.getKey(), samples == 0 ? 0 : 100.0 * e.getValue() / samples));
        }
        out.sort((a, b) -> Double.compare(b.percent(), a.percent()));
        return out.subList(0, Math.min(40, out.size()));
    }

    /** Every {@code profile.jfr} under {@code dir}, by the name of its folder (JMH's benchmark-and-parameters id). */
    public static Map<String, Path> recordings(Path dir) throws IOException {
        Map<String, Path> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jfr"))
                    .forEach(p -> out.put(p.getParent().getFileName().toString(), p));
        }
        return out;
    }
}
