package io.nssim.benchmarks.heap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nssim.benchmarks.Machines;
import io.nssim.benchmarks.Machines.Profile;
import io.nssim.core.Kernel;
import io.nssim.core.net.NetRef;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The heap an idle namespace keeps: {@code count} namespaces created with {@code copy_net_ns} and held (each
 * with lo and the state of every pernet op the machine has), measured as the difference in live heap after full
 * GCs before and after, divided by {@code count}. Not a JMH timing.
 *
 * <p>Each {@link Profile} is measured on its own kernel, in order, so the growth from one to the next shows
 * what each layer adds (bare {@code struct net}, lo and the drivers, IPv4, netfilter). A class histogram taken
 * before and after ({@code GC.class_histogram}, the same data as {@code jmap -histo:live}) says which classes
 * the bytes are in. The harness's own handles ({@link NetRef}, one per namespace, and the array holding them)
 * are not counted. Afterwards the
 * machine is dropped and the heap checked to come back down.
 *
 * <p>Usage: {@code IdleNetnsHeap [--count N] [--profiles CORE,DEVICES,INET,FULL] [--out heap.json]}. Run it with
 * a heap large enough for {@code count} namespaces and a stop-the-world collector (the run script passes
 * {@code -XX:+UseParallelGC}).
 */
public final class IdleNetnsHeap {
    /** What one profile measured. */
    public record Measurement(String profile, int count, long bytesBefore, long bytesAfter, long bytesPerNetns,
                              long bytesReleased, double createSeconds, List<ClassShare> topClasses) {
    }

    /** A class's share of one namespace. */
    public record ClassShare(String className, double bytesPerNetns, double instancesPerNetns) {
    }

    private IdleNetnsHeap() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        List<Profile> profiles = List.of(Profile.values());
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--profiles" -> {
                    List<Profile> ps = new ArrayList<>();
                    for (String p : args[++i].split(",")) {
                        ps.add(Profile.valueOf(p.trim().toUpperCase(Locale.ROOT)));
                    }
                    profiles = ps;
                }
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", count);
        result.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        Map<String, Measurement> byProfile = new LinkedHashMap<>();
        for (Profile p : profiles) {
            Measurement m = measure(p, count);
            byProfile.put(p.name(), m);
            System.out.printf(Locale.ROOT, "%-8s %,d netns: %,d bytes/netns (created in %.1f s; %,d bytes released)%n",
                    p, count, m.bytesPerNetns(), m.createSeconds(), m.bytesReleased());
            for (ClassShare c : m.topClasses().subList(0, Math.min(8, m.topClasses().size()))) {
                System.out.printf(Locale.ROOT, "    %8.1f B  %6.2f x  %s%n", c.bytesPerNetns(), c.instancesPerNetns(),
                        c.className());
            }
        }
        result.put("profiles", byProfile);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        }
    }

    /** Creates {@code count} idle namespaces on a fresh kernel of {@code profile} and measures them. */
    public static Measurement measure(Profile profile, int count) throws Exception {
        Kernel kernel = Machines.boot(profile, 1);
        NetRef[] held = new NetRef[count];
        // One namespace made and destroyed first, so that lazily built engine structures are not charged to the
        // measured ones.
        kernel.putNet(kernel.netns().copyNetNs("warm-up").orElseThrow());
        kernel.advance(Duration.ofSeconds(2));
        Map<String, long[]> histBefore = histogram();
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            held[i] = kernel.netns().copyNetNs("idle").orElseThrow();
        }
        kernel.runPending();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedAfterGc();
        Map<String, long[]> histAfter = histogram();
        long handles = handleBytes(histBefore, histAfter);
        long perNetns = Math.round((after - before - handles) / (double) count);
        List<ClassShare> top = diff(histBefore, histAfter, count);
        if (kernel.netns().ucount() != count) {
            throw new IllegalStateException("ucount " + kernel.netns().ucount() + ", expected " + count);
        }
        // Let the whole machine go (tearing 100,000 namespaces down one by one is the churn benchmarks' job, and
        // slow: see the report) and check that the bytes measured were the machine's.
        kernel = null;
        java.util.Arrays.fill(held, null);
        long released = after - usedAfterGc();
        return new Measurement(profile.name(), count, before, after, perNetns, released, seconds, top);
    }

    /** The harness's own {@link NetRef} handles, in bytes, from the histogram difference. */
    private static long handleBytes(Map<String, long[]> before, Map<String, long[]> after) {
        String name = NetRef.class.getName();
        long b = before.containsKey(name) ? before.get(name)[1] : 0;
        long a = after.containsKey(name) ? after.get(name)[1] : 0;
        return a - b;
    }

    private static List<ClassShare> diff(Map<String, long[]> before, Map<String, long[]> after, int count) {
        List<ClassShare> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            if (e.getKey().equals(NetRef.class.getName())) {
                continue;
            }
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long dBytes = e.getValue()[1] - b[1];
            long dCount = e.getValue()[0] - b[0];
            if (dBytes > 0) {
                out.add(new ClassShare(e.getKey(), dBytes / (double) count, dCount / (double) count));
            }
        }
        out.sort(Comparator.comparingDouble(ClassShare::bytesPerNetns).reversed());
        return out.subList(0, Math.min(25, out.size()));
    }

    /** Live heap after full collections, once it stops shrinking. */
    static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20);
            long used = mem.getHeapMemoryUsage().getUsed();
            if (used >= last - 1024) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    /** class name -> {instances, bytes}, from {@code GC.class_histogram} (which collects first). */
    static Map<String, long[]> histogram() throws Exception {
        ObjectName dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(dcmd, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> m = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            try {
                m.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            } catch (NumberFormatException e) {
                // a header or total line
            }
        }
        return m;
    }

}
