package io.nssim.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a results folder into its report. Reads {@code jmh.json} (JMH's JSON, run with {@code -prof gc}),
 * {@code heap.json} ({@link io.nssim.benchmarks.heap.IdleNetnsHeap}) and, if present, the JFR recordings of a
 * JMH run with {@code -prof jfr} under {@code tmp/jfr} (summarised into {@code profile.txt}); writes
 * {@code REPORT.md} (every figure with its ratio to the SPSC baselines, the targets met or missed, the evidence of
 * what dominates), {@code summary.json} (the headline figures, null where
 * not measured) and two SVG plots.
 *
 * <p>Usage: {@code Report RESULTS_DIR [--mode quick|full]}.
 */
public final class Report {
    /** The keys of summary.json, in order. */
    public static final List<String> SUMMARY_KEYS = List.of("spsc_offer_poll_ops_per_s", "veth_hop_ops_per_s",
            "udp_veth_datagrams_per_s", "netns_create_destroy_per_s", "bytes_per_idle_netns",
            "set10k_over_norule_ratio", "alloc_bytes_per_packet");

    static final String T_VETH = "veth L2 hop >= 1/3 of single-thread SPSC offer+poll";
    static final String T_UDP = "UDP across a veth pair >= 10,000,000 datagrams/s (one thread)";
    static final String T_CHURN = "namespace create+destroy >= 500,000/s (one thread)";
    static final String T_HEAP = "<= 4 KiB retained per idle namespace";
    static final String T_SET = "10,000-entry set match >= 0.8x the no-rule rate";

    static final String SPSC = "SpscQueueBenchmark.offerPoll";
    static final String SPSC_GROUP = "SpscQueueBenchmark.producerConsumer";
    static final String VETH_1T = "VethHopBenchmark.oneThread";
    static final String VETH_2T = "VethHopBenchmark.twoThreads";
    static final String UDP = "UdpDatagramBenchmark.datagram";
    static final String RULES = "RuleScalingBenchmark.datagram";
    static final String CHURN_1 = "NetnsChurnBenchmark.oneAtATime";
    static final String CHURN_100 = "NetnsChurnBenchmark.batchOf100";
    static final String MOVE = "DeviceMoveBenchmark.move";
    static final String ALLOC = "gc.alloc.rate.norm";

    /** One JMH result: the benchmark as {@code Class.method}, its parameters and its metrics. */
    public record Run(String benchmark, Map<String, String> params, int threads, double score, double error,
                      double min, double max, String unit, Map<String, Double> secondary) {
        boolean has(Map<String, String> want) {
            for (Map.Entry<String, String> e : want.entrySet()) {
                if (!e.getValue().equals(params.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        Optional<Double> alloc() {
            return Optional.ofNullable(secondary.get(ALLOC));
        }

        /** CPU nanoseconds per op on the benchmark thread ({@code CpuTime}), when the benchmark reports them. */
        Optional<Double> cpuNsPerOp() {
            Double ns = secondary.get("cpuNanos");
            Double ops = secondary.get("cpuOps");
            return ns == null || ops == null || ops <= 0 ? Optional.empty() : Optional.of(ns / ops);
        }

        String paramText() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.toString();
        }
    }

    /** A target of the benchmarks issue: its text, the measured value and whether it was met. */
    public record Target(String what, String measured, Boolean met, String note) {
    }

    private final List<Run> runs;
    private final JsonNode heap;
    private final String profile;
    private final String mode;
    private final JsonNode jmhFirst;
    private final List<String> notMeasured = new ArrayList<>();
    /** Lines of env.txt: when, which commit, the machine's load while it ran. */
    private final List<String> env = new ArrayList<>();

    /**
     * set-ratio.json: CPU ns per datagram of the no-rule point and of the 10,000-entry set point, measured back to
     * back in pairs so that both halves of a pair see the same machine.
     */
    final List<double[]> setPairs = new ArrayList<>();

    Report(List<Run> runs, JsonNode jmhFirst, JsonNode heap, String profile, String mode) {
        this.runs = runs;
        this.jmhFirst = jmhFirst;
        this.heap = heap;
        this.profile = profile;
        this.mode = mode;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Report RESULTS_DIR [--mode quick|full]");
        }
        Path dir = Path.of(args[0]);
        String mode = "full";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--mode")) {
                mode = args[++i];
            }
        }
        Report r = load(dir, mode);
        r.write(dir);
        System.out.println("wrote " + dir.resolve("REPORT.md") + ", summary.json, netfilter-rules.svg, "
                + "netns-scaling.svg");
    }

    /** Reads what the run left in {@code dir}; missing files mean missing figures, not an error. */
    public static Report load(Path dir, String mode) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Run> runs = new ArrayList<>();
        JsonNode first = null;
        Path jmh = dir.resolve("jmh.json");
        if (Files.exists(jmh) && Files.size(jmh) > 0) {
            JsonNode all = om.readTree(jmh.toFile());
            for (JsonNode n : all) {
                if (first == null) {
                    first = n;
                }
                runs.add(parse(n));
            }
        }
        Path heapFile = dir.resolve("heap.json");
        JsonNode heap = Files.exists(heapFile) ? om.readTree(heapFile.toFile()) : null;
        Path envFile = dir.resolve("env.txt");
        List<String> env = Files.exists(envFile) ? Files.readAllLines(envFile) : List.of();
        String profile = profileText(dir.resolve("tmp").resolve("jfr"));
        Path prof = dir.resolve("profile.txt");
        if (profile != null) {
            Files.writeString(prof, profile);
        } else if (Files.exists(prof)) {
            profile = Files.readString(prof);
        }
        Report r = new Report(runs, first, heap, profile, mode);
        r.env.addAll(env);
        Path pairsFile = dir.resolve("set-ratio.json");
        if (Files.exists(pairsFile)) {
            for (JsonNode p : om.readTree(pairsFile.toFile())) {
                r.setPairs.add(new double[] {p.path("none_cpu_ns").asDouble(), p.path("set_cpu_ns").asDouble()});
            }
        }
        return r;
    }

    /**
     * The JFR recordings under {@code jfrDir} summarised, one section per benchmark point ("## NAME" and the
     * summary), or null when there are none.
     */
    static String profileText(Path jfrDir) throws IOException {
        Map<String, Path> recs = HotMethods.recordings(jfrDir);
        if (recs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Path> e : recs.entrySet()) {
            String name = e.getKey().replace("io.nssim.benchmarks.", "").replace("-Throughput", "");
            sb.append("## ").append(name).append("\n").append(HotMethods.summarise(e.getValue()).render(14))
                    .append("\n");
        }
        return sb.toString();
    }

    static Run parse(JsonNode n) {
        String full = n.get("benchmark").asText();
        String[] parts = full.split("\\.");
        String bench = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, String> params = new TreeMap<>();
        JsonNode p = n.get("params");
        if (p != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode pm = n.get("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        JsonNode sm = n.get("secondaryMetrics");
        if (sm != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = sm.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode score = e.getValue().get("score");
                if (score != null && score.isNumber()) {
                    secondary.put(e.getKey(), score.asDouble());
                }
            }
        }
        double score = pm.get("score").asDouble();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (JsonNode fork : pm.path("rawData")) {
            for (JsonNode it : fork) {
                min = Math.min(min, it.asDouble());
                max = Math.max(max, it.asDouble());
            }
        }
        if (min > max) {
            min = score;
            max = score;
        }
        return new Run(bench, params, n.path("threads").asInt(1), score, pm.path("scoreError").asDouble(Double.NaN),
                min, max, pm.get("scoreUnit").asText(), secondary);
    }

    Optional<Run> find(String bench, String... kv) {
        Map<String, String> want = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            want.put(kv[i], kv[i + 1]);
        }
        for (Run r : runs) {
            if (r.benchmark.equals(bench) && r.has(want)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Ops per CPU-second of a point ({@code 1e9 / CPU ns per op}), when it reports CPU time. */
    Optional<Double> cpuRate(String bench, String... kv) {
        return find(bench, kv).flatMap(Run::cpuNsPerOp).map(ns -> 1e9 / ns);
    }

    /** The set target's ratio: per CPU-second when both points have CPU time, else wall-clock. */
    Optional<Double> setRatio() {
        if (!setPairs.isEmpty()) {
            return Optional.of(pairRatios()[setPairs.size() / 2]);
        }
        Optional<Double> cs = cpuRate(RULES, "match", "SET", "rules", "10000");
        Optional<Double> cn = cpuRate(RULES, "match", "LINEAR", "rules", "0");
        if (cs.isPresent() && cn.isPresent()) {
            return Optional.of(cs.get() / cn.get());
        }
        Optional<Double> set = score(RULES, "match", "SET", "rules", "10000");
        Optional<Double> none = score(RULES, "match", "LINEAR", "rules", "0");
        return set.isPresent() && none.isPresent() ? Optional.of(set.get() / none.get()) : Optional.empty();
    }

    /** The set pairs' rate ratios (no-rule CPU ns / set CPU ns), sorted: the median is the middle one. */
    double[] pairRatios() {
        return setPairs.stream().mapToDouble(p -> p[0] / p[1]).sorted().toArray();
    }

    Optional<Double> score(String bench, String... kv) {
        return find(bench, kv).map(Run::score);
    }

    /** The two-thread baseline: elements moved from producer to consumer per second. */
    Optional<Double> spscTransfer() {
        return find(SPSC_GROUP).map(r -> r.secondary.getOrDefault("poll", r.score / 2));
    }

    Optional<Double> heapBytes() {
        if (heap == null) {
            return Optional.empty();
        }
        JsonNode f = heap.path("profiles").path("FULL");
        return f.isMissingNode() ? Optional.empty() : Optional.of(f.get("bytesPerNetns").asDouble());
    }

    // ---- summary.json ----

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("spsc_offer_poll_ops_per_s", score(SPSC).map(Math::round).orElse(null));
        s.put("veth_hop_ops_per_s", score(VETH_1T).map(Math::round).orElse(null));
        s.put("udp_veth_datagrams_per_s", score(UDP, "path", "VETH").map(Math::round).orElse(null));
        s.put("netns_create_destroy_per_s", score(CHURN_1, "liveNetns", "0").map(Math::round).orElse(null));
        s.put("bytes_per_idle_netns", heapBytes().map(Math::round).orElse(null));
        s.put("set10k_over_norule_ratio", setRatio().map(Report::round3).orElse(null));
        s.put("alloc_bytes_per_packet", find(UDP, "path", "VETH").flatMap(Run::alloc).map(Report::round3)
                .orElse(null));
        return s;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---- targets ----

    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        Optional<Double> spsc = score(SPSC);
        Optional<Double> veth = score(VETH_1T);
        if (spsc.isPresent() && veth.isPresent()) {
            double ratio = veth.get() / spsc.get();
            Run v = find(VETH_1T).orElseThrow();
            Run b = find(SPSC).orElseThrow();
            t.add(new Target(T_VETH,
                    fmt(veth.get()) + " ops/s = " + pct(ratio) + " of " + fmt(spsc.get()), ratio >= 1 / 3.0,
                    noise(v.min / b.max, v.max / b.min, 1 / 3.0)));
        } else {
            t.add(new Target(T_VETH, "not measured", null,
                    missing(VETH_1T, SPSC)));
        }
        Optional<Double> udp = score(UDP, "path", "VETH");
        String udpCpu = cpuRate(UDP, "path", "VETH").map(c -> " (" + fmt(c) + " per CPU-second)").orElse("");
        t.add(udp.map(u -> new Target(T_UDP,
                fmt(u) + " datagrams/s" + udpCpu, u >= 10e6,
                spreadNoise(find(UDP, "path", "VETH").orElseThrow(), 10e6))).orElseGet(() -> new Target(
                T_UDP, "not measured", null,
                missing(UDP))));
        Optional<Double> churn = score(CHURN_1, "liveNetns", "0");
        String churnCpu = cpuRate(CHURN_1, "liveNetns", "0").map(c -> " (" + fmt(c) + " per CPU-second)")
                .orElse("");
        t.add(churn.map(c -> new Target(T_CHURN,
                fmt(c) + " /s" + churnCpu, c >= 500_000,
                spreadNoise(find(CHURN_1, "liveNetns", "0").orElseThrow(), 500_000)))
                .orElseGet(() -> new Target(T_CHURN, "not measured",
                        null, missing(CHURN_1))));
        Optional<Double> heapB = heapBytes();
        t.add(heapB.map(b -> new Target(T_HEAP, String.format(Locale.ROOT,
                "%,.0f B (%.1f KiB) over %,d namespaces", b, b / 1024, heap.path("count").asInt()), b <= 4096, ""))
                .orElseGet(() -> new Target(T_HEAP, "not measured", null,
                        "heap.json missing: the heap harness did not run or failed")));
        Optional<Double> set = score(RULES, "match", "SET", "rules", "10000");
        Optional<Double> none = score(RULES, "match", "LINEAR", "rules", "0");
        if (set.isPresent() && none.isPresent()) {
            double wall = set.get() / none.get();
            Run a = find(RULES, "match", "SET", "rules", "10000").orElseThrow();
            Run b = find(RULES, "match", "LINEAR", "rules", "0").orElseThrow();
            if (!setPairs.isEmpty()) {
                double r = setRatio().orElseThrow();
                StringBuilder each = new StringBuilder();
                for (double[] p : setPairs) {
                    each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2fx (%.0f vs %.0f)",
                            p[0] / p[1], p[1], p[0]));
                }
                t.add(new Target(T_SET, String.format(Locale.ROOT,
                        "%.2fx per CPU-second: the median of %d pairs measured back to back (set vs no-rule CPU "
                                + "ns/datagram): %s; the suite's own two points, minutes apart: %.2fx wall clock", r,
                        setPairs.size(), each, wall), r >= 0.8, ""));
            } else if (a.cpuNsPerOp().isPresent() && b.cpuNsPerOp().isPresent()) {
                double r = setRatio().orElseThrow();
                t.add(new Target(T_SET, String.format(Locale.ROOT,
                        "%.2fx per CPU-second (%.0f vs %.0f CPU ns/datagram); wall clock %.2fx (%s vs %s "
                                + "datagrams/s, measured minutes apart%s)", r,
                        a.cpuNsPerOp().get(), b.cpuNsPerOp().get(), wall, fmt(set.get()), fmt(none.get()),
                        overloaded() ? " on a loaded machine" : ""),
                        r >= 0.8, ""));
            } else {
                t.add(new Target(T_SET, String.format(Locale.ROOT,
                        "%.2fx (%s vs %s datagrams/s)", wall, fmt(set.get()), fmt(none.get())), wall >= 0.8,
                        noise(a.min / b.max, a.max / b.min, 0.8)));
            }
        } else {
            t.add(new Target(T_SET, "not measured", null,
                    missing(RULES)));
        }
        Optional<Double> alloc = find(UDP, "path", "VETH").flatMap(Run::alloc);
        t.add(alloc.map(a -> new Target("0 bytes allocated per packet in steady state (UDP across veth, -prof gc)",
                String.format(Locale.ROOT, "%.2f B/datagram", a), a < 0.5, "met means it rounds to 0 B/op"))
                .orElseGet(() -> new Target("0 bytes allocated per packet in steady state", "not measured", null,
                        find(UDP, "path", "VETH").isPresent() ? "no gc.alloc.rate.norm: the suite ran without -prof gc"
                                : missing(UDP))));
        return t;
    }

    /**
     * For each target {@link #targets()} found missed: what one op of the model does (the work the target's budget
     * has to cover) and where this run's JFR samples say its time goes. Empty when none is missed.
     */
    String whyMissed() {
        StringBuilder sb = new StringBuilder();
        for (Target t : targets()) {
            if (Boolean.FALSE.equals(t.met)) {
                sb.append(why(t.what));
            }
        }
        return sb.toString();
    }

    /** The explanation of one missed target, or "" for a target without one. */
    private String why(String target) {
        Optional<Double> veth = score(VETH_1T);
        switch (target) {
            case T_VETH: {
                double spsc = score(SPSC).orElseThrow();
                return String.format(Locale.ROOT, "- **veth hop** (%.1f ns a hop against %.1f ns for the baseline, "
                    + "%.0fx): the baseline is one offer and one poll on a 256-slot array that stays in L1 and in "
                    + "registers. A simulated hop does the kernel's work for one frame: an skb from the pool, "
                    + "initialised, its Ethernet header written; dev_queue_xmit and veth_xmit (peer, carrier, tx "
                    + "and rx counters on both ends); an offer to the peer's receive ring; the NET_RX softirq "
                    + "armed on the virtual clock; the NAPI poll, eth_type_trans and the protocol dispatch of "
                    + "__netif_receive_skb; the skb freed back to the pool. That is several ring operations and "
                    + "about a dozen cache lines, so a third of the bare queue's rate is out of reach without "
                    + "leaving parts of the path out of the model.%s%n",
                    1e9 / veth.orElseThrow(), 1e9 / spsc, spsc / veth.orElseThrow(),
                    hottest("VethHopBenchmark.oneThread"));
            }
            case T_UDP:
                return String.format(Locale.ROOT, "- **UDP across a veth pair** (%.0f ns a datagram against a budget "
                    + "of 100 ns): one datagram is udp_sendmsg (socket, a FIB lookup, the neighbour, IP and UDP "
                    + "headers, the checksum), the veth hop above%s, ip_rcv (header checks, the input route "
                    + "lookup, the netfilter hook points), udp_rcv (socket lookup, checksum check, enqueue) and "
                    + "the receive into the user's buffer.%s%n", 1e9 / score(UDP, "path", "VETH").orElseThrow(),
                    veth.map(v -> String.format(Locale.ROOT, " (%.0f ns by itself)", 1e9 / v)).orElse(""),
                    hottest("UdpDatagramBenchmark.datagram-path-VETH"));
            case T_CHURN:
                return String.format(Locale.ROOT, "- **namespace create+destroy** (%.2f us an op against a budget "
                    + "of 2 us): one op is copy_net_ns (the net, its nsfs inode, ops_init of every pernet op: "
                    + "loopback registered, IPv4 devinet, FIB, neighbours, ICMP, UDP, netfilter hooks, sysctl "
                    + "tables), the last put_net, and cleanup_net in the worker (pre_exit, exit and exit_batch "
                    + "of every op, lo unregistered and freed, the net freed).%s%n",
                    1e6 / score(CHURN_1, "liveNetns", "0").orElseThrow(),
                    hottest("NetnsChurnBenchmark.oneAtATime-liveNetns-0"));
            case T_SET:
                return String.format(Locale.ROOT, "- **10,000-entry set match** (%.2fx): the no-rule chain is empty "
                    + "and goes straight to its policy, while the set's chain evaluates one rule: the packet "
                    + "context, the header checks, one hash lookup in the set, the rule's counters. The set's "
                    + "size does not enter (compare the SET rows above).%s%n", setRatio().orElseThrow(),
                    hottest("RuleScalingBenchmark.datagram-match-SET-rules-10000"));
            default:
                return "";
        }
    }

    /** " Hottest methods (self time) in this run's profile: ..." for a profile.txt section, or "". */
    private String hottest(String section) {
        if (profile == null) {
            return "";
        }
        for (Map.Entry<String, String> e : profileSections(profile).entrySet()) {
            if (!e.getKey().endsWith(section)) {
                continue;
            }
            List<String> top = new ArrayList<>();
            boolean inSelf = false;
            for (String l : e.getValue().split("\n")) {
                if (l.startsWith("self time")) {
                    inSelf = true;
                } else if (inSelf && l.isBlank()) {
                    break;
                } else if (inSelf && top.size() < 4) {
                    String[] parts = l.strip().split("\\s+", 2);
                    if (parts.length == 2) {
                        top.add("`" + parts[1] + "` " + parts[0]);
                    }
                }
            }
            return top.isEmpty() ? "" : " Hottest methods (self time) in this run's profile: " + String.join(", ", top)
                    + ".";
        }
        return "";
    }

    /** Whether env.txt recorded a load average above the CPU count during the JMH run. */
    boolean overloaded() {
        for (String l : env) {
            if (l.contains("more than the")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A warning when the iterations' spread reaches across the threshold (the verdict then rests on noise), with
     * the range; empty otherwise.
     */
    static String noise(double lo, double hi, double threshold) {
        if (lo < threshold && threshold <= hi) {
            return String.format(Locale.ROOT, "but within noise: the iterations give %s to %s, either side of %s",
                    fmtRatio(lo), fmtRatio(hi), fmtRatio(threshold));
        }
        return "";
    }

    private static String spreadNoise(Run r, double threshold) {
        return noise(r.min, r.max, threshold);
    }

    private static String fmtRatio(double v) {
        return v >= 100 ? fmt(v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private String missing(String... benches) {
        List<String> absent = new ArrayList<>();
        for (String b : benches) {
            if (find(b).isEmpty()) {
                absent.add(b);
            }
        }
        String why = absent.isEmpty() ? "a parameter point is missing" : String.join(", ", absent)
                + " not in jmh.json (not selected, or it failed: see jmh.txt)";
        notMeasured.add(why);
        return why;
    }

    // ---- REPORT.md ----

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# nssim benchmark report\n\n");
        md.append("Generated by `benchmarks/run").append(mode.equals("quick") ? " --quick" : "").append("` from ")
                .append("`jmh.json`, `heap.json` and `profile.txt` in this folder. ");
        if (jmhFirst != null) {
            md.append(String.format(Locale.ROOT, "JMH %s on %s %s; %d fork(s), %d x %s warmup, %d x %s measurement"
                            + " per point; %d available processors.",
                    jmhFirst.path("jmhVersion").asText("?"), jmhFirst.path("vmName").asText("?"),
                    jmhFirst.path("jdkVersion").asText("?"), jmhFirst.path("forks").asInt(),
                    jmhFirst.path("warmupIterations").asInt(), jmhFirst.path("warmupTime").asText(),
                    jmhFirst.path("measurementIterations").asInt(), jmhFirst.path("measurementTime").asText(),
                    Runtime.getRuntime().availableProcessors()));
        }
        md.append(" Scores are throughput (higher is better) with JMH's 99.9% error where it has one; "
                + "`B/op` is `gc.alloc.rate.norm` from `-prof gc`. The machine is shared: treat single figures as "
                + "noisy and compare within one run.\n\n");
        for (String l : env) {
            if (!l.isBlank()) {
                md.append("- ").append(l.strip()).append('\n');
            }
        }
        if (!env.isEmpty()) {
            md.append('\n');
        }

        md.append("## Targets\n\n| target | measured | result |\n| --- | --- | --- |\n");
        for (Target t : targets()) {
            String res = t.met == null ? "not measured: " + t.note : t.met ? "**met**" : "**missed**";
            if (t.met != null && !t.note.isEmpty()) {
                res += " (" + t.note + ")";
            }
            md.append("| ").append(t.what).append(" | ").append(t.measured).append(" | ").append(res).append(" |\n");
        }
        if (overloaded()) {
            md.append("\nThe machine was overloaded while this ran (load average above its CPU count, see above): "
                    + "each row was measured at a different moment of a changing load, and even CPU time per op "
                    + "moves by tens of percent between runs under such load (it still counts cache misses caused "
                    + "by the other processes). Verdicts far from their threshold stand; a ratio within about a "
                    + "third of its threshold (the set-match ratio) needs a run on a quiet machine to be trusted."
                    + "\n");
        }
        String why = whyMissed();
        if (!why.isEmpty()) {
            md.append("\n## Why the missed targets are missed\n\n").append(why);
        }
        md.append("\nsummary.json:\n\n```json\n").append(json(summary())).append("\n```\n\n");

        md.append("## Every figure against the baselines\n\n");
        Optional<Double> spsc1 = score(SPSC);
        Optional<Double> spsc2 = spscTransfer();
        md.append("Baselines: a bare JCTools `SpscArrayQueue` of 256 entries, offer+poll on one thread (")
                .append(spsc1.map(Report::fmt).orElse("not measured")).append(" ops/s), and one producer with one "
                        + "consumer thread (").append(spsc2.map(Report::fmt).orElse("not measured"))
                .append(" elements/s moved). The ratio columns divide each score by them.\n\n");
        md.append("| benchmark | parameters | score | ± error | iterations min - max | unit | ns/op | CPU ns/op | "
                + "B/op | / SPSC 1 thread | / SPSC 2 threads |\n"
                + "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run r : runs) {
            double nsPerOp = r.unit.equals("ops/s") && r.score > 0 ? 1e9 / r.score * Math.max(1, r.threads)
                    : Double.NaN;
            md.append("| ").append(r.benchmark).append(" | ").append(r.paramText()).append(" | ")
                    .append(fmt(r.score)).append(" | ").append(Double.isNaN(r.error) ? "" : fmt(r.error)).append(" | ")
                    .append(fmt(r.min)).append(" - ").append(fmt(r.max)).append(" | ").append(r.unit).append(" | ")
                    .append(Double.isNaN(nsPerOp) ? "" : String.format(Locale.ROOT, "%.1f", nsPerOp)).append(" | ")
                    .append(r.cpuNsPerOp().map(c -> String.format(Locale.ROOT, "%.1f", c)).orElse("")).append(" | ")
                    .append(r.alloc().map(a -> String.format(Locale.ROOT, "%.2f", a)).orElse("")).append(" | ")
                    .append(spsc1.map(b -> ratio(r.score, b)).orElse("")).append(" | ")
                    .append(spsc2.map(b -> ratio(r.score, b)).orElse("")).append(" |\n");
            for (Map.Entry<String, Double> e : r.secondary.entrySet()) {
                if (e.getKey().equals("received") || e.getKey().equals("delivered")) {
                    md.append("| ").append(r.benchmark).append(':').append(e.getKey()).append(" | ")
                            .append(r.paramText()).append(" | ").append(fmt(e.getValue()))
                            .append(" | | | ops/s | | | | | |\n");
                }
            }
        }
        md.append("\n`ns/op` is per op and thread (wall time a thread spends per op); `CPU ns/op` is the CPU time the "
                + "benchmark thread used per op, which waiting for a CPU does not inflate. Two-thread rows: the "
                + "group's score adds both sides; the poll side is the transfer rate.\n\n");

        md.append("## Netfilter: rules against a set\n\n");
        md.append("UDP datagrams across a veth pair with N non-matching addresses in the server's filter INPUT "
                + "chain: N rules walked in turn (LINEAR) or one set match over N members (SET). The ratio is to "
                + "the no-rule rate (LINEAR, N=0: the chain exists and is empty).\n\n");
        String[] counts = {"0", "10", "100", "1000", "10000"};
        Optional<Double> none = score(RULES, "match", "LINEAR", "rules", "0");
        Optional<Double> noneCpu = cpuRate(RULES, "match", "LINEAR", "rules", "0");
        md.append("Per CPU-second figures divide a billion by the benchmark thread's CPU time per datagram: they do "
                + "not move when other processes take the CPU, so they are the ones to compare across rows.\n\n");
        md.append("| N | LINEAR datagrams/s | per CPU-second | / no-rule (CPU) | SET datagrams/s | per CPU-second | "
                + "/ no-rule (CPU) |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String n : counts) {
            double lin = score(RULES, "match", "LINEAR", "rules", n).orElse(Double.NaN);
            double set = score(RULES, "match", "SET", "rules", n).orElse(Double.NaN);
            double linCpu = cpuRate(RULES, "match", "LINEAR", "rules", n).orElse(Double.NaN);
            double setCpu = cpuRate(RULES, "match", "SET", "rules", n).orElse(Double.NaN);
            md.append("| ").append(n).append(" | ").append(fmtOrDash(lin)).append(" | ").append(fmtOrDash(linCpu))
                    .append(" | ").append(ratioOrDash(linCpu, noneCpu)).append(" | ").append(fmtOrDash(set))
                    .append(" | ").append(fmtOrDash(setCpu)).append(" | ").append(ratioOrDash(setCpu, noneCpu))
                    .append(" |\n");
        }
        if (none.isPresent() && noneCpu.isEmpty()) {
            md.append("\n(No CPU time in these results: ratios are not given.)\n");
        }
        md.append("\n![throughput against rule count](netfilter-rules.svg)\n\n");

        md.append("## Namespaces: churn against the number of namespaces\n\n");
        md.append("A namespace created and destroyed (cleanup worker included) while `liveNetns` other namespaces "
                + "stay alive: one at a time, or 100 at a time torn down as one cleanup batch. Plus a veth end "
                + "moved between two namespaces.\n\n");
        String[] live = {"0", "1000", "10000"};
        double[] one = new double[live.length];
        double[] hundred = new double[live.length];
        md.append("| live namespaces | one at a time /s | per CPU-second | batch of 100 /s | per CPU-second |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < live.length; i++) {
            one[i] = score(CHURN_1, "liveNetns", live[i]).orElse(Double.NaN);
            hundred[i] = score(CHURN_100, "liveNetns", live[i]).orElse(Double.NaN);
            md.append("| ").append(live[i]).append(" | ").append(fmtOrDash(one[i])).append(" | ")
                    .append(fmtOrDash(cpuRate(CHURN_1, "liveNetns", live[i]).orElse(Double.NaN))).append(" | ")
                    .append(fmtOrDash(hundred[i])).append(" | ")
                    .append(fmtOrDash(cpuRate(CHURN_100, "liveNetns", live[i]).orElse(Double.NaN))).append(" |\n");
        }
        md.append("\nDevice move (`dev_change_net_namespace`): ").append(score(MOVE).map(v -> fmt(v) + " moves/s")
                .orElse("not measured"))
                .append(".\n\n![throughput against number of namespaces](netns-scaling.svg)\n\n");

        md.append("## Heap per idle namespace\n\n");
        if (heap == null) {
            md.append("Not measured: heap.json is missing.\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "%,d idle namespaces created with `copy_net_ns` and held, live heap "
                    + "after full GCs before and after, divided by the count (%s, max heap %,d MiB). Each row is a "
                    + "machine with more loaded; the FULL row is the figure of the target. The harness's own "
                    + "handles are not counted.%n%n", heap.path("count").asInt(), heap.path("jvm").asText(),
                    heap.path("maxHeapBytes").asLong() >> 20));
            md.append("| machine | bytes/netns | added by this layer | create time |\n| --- | ---: | ---: | ---: |\n");
            long prev = 0;
            for (Map.Entry<String, JsonNode> e : heap.path("profiles").properties()) {
                long b = e.getValue().path("bytesPerNetns").asLong();
                md.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%,d", b))
                        .append(" | ").append(prev == 0 ? "" : String.format(Locale.ROOT, "%+,d", b - prev))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f s",
                                e.getValue().path("createSeconds").asDouble())).append(" |\n");
                prev = b;
            }
            md.append("\nCORE: the engine only; DEVICES: + lo and the drivers; INET: + IPv4 and netfilter's hook "
                    + "chains; FULL: + the netfilter tables, conntrack and ipset.\n\n");
            JsonNode full = heap.path("profiles").path("FULL").path("topClasses");
            if (full.isArray() && full.size() > 0) {
                md.append("Where a FULL namespace's bytes are (class histogram difference, per namespace):\n\n"
                        + "| class | bytes | instances |\n| --- | ---: | ---: |\n");
                int k = 0;
                for (JsonNode c : full) {
                    if (k++ >= 15) {
                        break;
                    }
                    md.append("| `").append(c.path("className").asText()).append("` | ")
                            .append(String.format(Locale.ROOT, "%.0f", c.path("bytesPerNetns").asDouble()))
                            .append(" | ").append(String.format(Locale.ROOT, "%.1f",
                                    c.path("instancesPerNetns").asDouble())).append(" |\n");
                }
                md.append('\n');
            }
        }

        md.append("## What dominates: JFR execution samples\n\n");
        if (profile == null) {
            md.append("Not profiled: no JFR recordings and no profile.txt.\n\n");
        } else {
            md.append("A separate short run of the benchmarks below with JMH's `-prof jfr` (asynchronous samples, "
                    + "inlined frames included), summarised: the methods on top of the stack (self time) and the "
                    + "methods anywhere on it (inclusive time). Also in profile.txt.\n\n");
            for (Map.Entry<String, String> e : profileSections(profile).entrySet()) {
                md.append("### ").append(e.getKey()).append("\n\n```\n").append(e.getValue()).append("```\n\n");
            }
        }
        if (!notMeasured.isEmpty()) {
            md.append("## Not measured\n\n");
            for (String s : notMeasured) {
                md.append("- ").append(s).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** "## NAME" sections of profile.txt: name -> text. */
    static Map<String, String> profileSections(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("## ")) {
                if (name != null) {
                    out.put(name, sb.toString().strip() + "\n");
                }
                name = l.substring(3).trim();
                sb.setLength(0);
            } else if (name != null) {
                sb.append(l).append('\n');
            }
        }
        if (name != null) {
            out.put(name, sb.toString().strip() + "\n");
        }
        return out;
    }

    // ---- plots ----

    SvgPlot rulesPlot() {
        String[] counts = {"0", "10", "100", "1000", "10000"};
        double[] lin = new double[counts.length];
        double[] set = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            String n = counts[i];
            lin[i] = cpuRate(RULES, "match", "LINEAR", "rules", n)
                    .or(() -> score(RULES, "match", "LINEAR", "rules", n)).orElse(Double.NaN);
            set[i] = cpuRate(RULES, "match", "SET", "rules", n)
                    .or(() -> score(RULES, "match", "SET", "rules", n)).orElse(Double.NaN);
        }
        boolean cpu = cpuRate(RULES, "match", "LINEAR", "rules", "0").isPresent();
        return new SvgPlot("UDP across veth: throughput against rule count", "non-matching addresses (N)",
                cpu ? "datagrams per CPU-second" : "datagrams/s", List.of(counts)).add("N rules", lin)
                .add("1 set, N members", set);
    }

    SvgPlot netnsPlot() {
        String[] live = {"0", "1000", "10000"};
        double[] one = new double[live.length];
        double[] hundred = new double[live.length];
        for (int i = 0; i < live.length; i++) {
            String n = live[i];
            one[i] = cpuRate(CHURN_1, "liveNetns", n).or(() -> score(CHURN_1, "liveNetns", n)).orElse(Double.NaN);
            hundred[i] = cpuRate(CHURN_100, "liveNetns", n).or(() -> score(CHURN_100, "liveNetns", n))
                    .orElse(Double.NaN);
        }
        boolean cpu = cpuRate(CHURN_1, "liveNetns", "0").isPresent();
        return new SvgPlot("Namespace create+destroy against namespaces alive", "other namespaces alive",
                cpu ? "created and destroyed per CPU-second" : "created and destroyed/s", List.of(live))
                .add("one at a time", one).add("batches of 100", hundred);
    }

    // ---- output ----

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String md = markdown();
        Files.writeString(dir.resolve("REPORT.md"), md);
        Files.writeString(dir.resolve("summary.json"), json(summary()) + "\n");
        Files.writeString(dir.resolve("netfilter-rules.svg"), rulesPlot().render());
        Files.writeString(dir.resolve("netns-scaling.svg"), netnsPlot().render());
    }

    static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmtOrDash(double v) {
        return Double.isNaN(v) ? "-" : fmt(v);
    }

    private static String ratioOrDash(double v, Optional<Double> base) {
        return Double.isNaN(v) || base.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2fx", v / base.get());
    }

    private static String ratio(double v, double base) {
        double r = v / base;
        return r >= 0.01 ? String.format(Locale.ROOT, "%.3f", r) : String.format(Locale.ROOT, "%.2g", r);
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%.1f%%", r * 100);
    }
}
