package io.nssim.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report writer on a small made-up result set: summary keys, ratios, what was not measured, the plots. */
class ReportTest {
    private static String run(String bench, String params, double score, double alloc) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.nssim.benchmarks.x." + bench + "\",\"mode\":\"thrpt\","
                + "\"threads\":1,\"forks\":1,\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.0,\"scoreUnit\":\"ops/s\"},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + alloc + ",\"scoreUnit\":\"B/op\"}}}";
    }

    @Test
    void shouldWriteEveryKeyWithNullsForWhatWasNotMeasured(@TempDir Path dir) throws Exception {
        List<String> runs = new ArrayList<>();
        runs.add(run("SpscQueueBenchmark.offerPoll", "", 90e6, 0));
        runs.add(run("VethHopBenchmark.oneThread", "", 10e6, 1.5));
        runs.add(run("UdpDatagramBenchmark.datagram", "\"path\":\"VETH\"", 1e6, 0.2));
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"LINEAR\",\"rules\":\"0\"", 800e3, 0));
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"SET\",\"rules\":\"10000\"", 700e3, 0));
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", runs) + "]");

        Report.main(new String[] {dir.toString(), "--mode", "quick"});

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertEquals(Report.SUMMARY_KEYS, keys, "exactly the issue's keys, in order");
        assertEquals(90e6, summary.get("spsc_offer_poll_ops_per_s").asDouble());
        assertEquals(0.875, summary.get("set10k_over_norule_ratio").asDouble());
        assertEquals(0.2, summary.get("alloc_bytes_per_packet").asDouble());
        assertTrue(summary.get("netns_create_destroy_per_s").isNull());
        assertTrue(summary.get("bytes_per_idle_netns").isNull());

        String md = Files.readString(dir.resolve("REPORT.md"));
        assertTrue(md.contains("| veth L2 hop >= 1/3 of single-thread SPSC offer+poll | 10,000,000 ops/s = 11.1% of "
                + "90,000,000 | **missed** |"), md);
        assertTrue(md.contains("10,000-entry set match >= 0.8x the no-rule rate | 0.88x"), md);
        assertTrue(md.contains("not measured: NetnsChurnBenchmark.oneAtATime not in jmh.json"), md);
        assertTrue(Files.readString(dir.resolve("netfilter-rules.svg")).startsWith("<svg"));
        assertTrue(Files.readString(dir.resolve("netns-scaling.svg")).contains("</svg>"));
    }

    @Test
    void shouldSayWhyEachMissedTargetIsMissedWithTheProfilesHottestMethods(@TempDir Path dir) throws Exception {
        List<String> runs = new ArrayList<>();
        runs.add(run("SpscQueueBenchmark.offerPoll", "", 400e6, 0));
        runs.add(run("VethHopBenchmark.oneThread", "", 25e6, 0));
        runs.add(run("UdpDatagramBenchmark.datagram", "\"path\":\"VETH\"", 20e6, 0));
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"LINEAR\",\"rules\":\"0\"", 6e6, 0));
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"SET\",\"rules\":\"10000\"", 3e6, 0));
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", runs) + "]");
        Files.writeString(dir.resolve("profile.txt"), "## link.VethHopBenchmark.oneThread\n10 execution samples\n\n"
                + "self time (top of stack):\n   40.0%  a.B.c\n   20.0%  d.E.f\n\ninclusive time:\n  99.0%  x.Y.z\n");

        Report.main(new String[] {dir.toString(), "--mode", "quick"});

        String md = Files.readString(dir.resolve("REPORT.md"));
        assertTrue(md.contains("## Why the missed targets are missed"), md);
        assertTrue(md.contains("- **veth hop** (40.0 ns a hop against 2.5 ns for the baseline, 16x)"), md);
        assertTrue(md.contains("Hottest methods (self time) in this run's profile: `a.B.c` 40.0%, `d.E.f` 20.0%."), md);
        assertTrue(md.contains("- **10,000-entry set match** (0.50x): the no-rule chain is empty"), md);
        assertTrue(!md.contains("**UDP across a veth pair**"), "20 M datagrams/s meets its target: no why");
        assertTrue(!md.contains("**namespace create+destroy**"), "not measured is not missed");
    }

    @Test
    void shouldJudgeTheSetTargetByTheMedianOfItsBackToBackPairs(@TempDir Path dir) throws Exception {
        List<String> runs = new ArrayList<>();
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"LINEAR\",\"rules\":\"0\"", 6e6, 0));
        runs.add(run("RuleScalingBenchmark.datagram", "\"match\":\"SET\",\"rules\":\"10000\"", 3e6, 0));
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", runs) + "]");
        Files.writeString(dir.resolve("set-ratio.json"), "[{\"none_cpu_ns\":180,\"set_cpu_ns\":200},"
                + "{\"none_cpu_ns\":170,\"set_cpu_ns\":340},{\"none_cpu_ns\":240,\"set_cpu_ns\":270}]");

        Report.main(new String[] {dir.toString(), "--mode", "quick"});

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(0.889, summary.get("set10k_over_norule_ratio").asDouble(), "median of 0.90, 0.50, 0.89");
        String md = Files.readString(dir.resolve("REPORT.md"));
        assertTrue(md.contains("| 10,000-entry set match >= 0.8x the no-rule rate | 0.89x per CPU-second: the median of 3 "
                + "pairs measured back to back"), md);
        assertTrue(md.contains("the suite's own two points, minutes apart: 0.50x wall clock | **met** |"), md);
    }

    @Test
    void aVerdictRestingOnNoiseShouldSaySo() {
        assertTrue(Report.noise(0.7, 0.9, 0.8).contains("within noise"), "iterations either side of 0.8");
        assertEquals("", Report.noise(0.85, 0.9, 0.8), "every iteration above the target");
        assertEquals("", Report.noise(0.1, 0.2, 1 / 3.0), "every iteration below the target");
    }

    @Test
    void plotShouldPlaceEveryMeasuredPoint() {
        String svg = new SvgPlot("t", "x", "y", List.of("0", "10", "100"))
                .add("a", new double[] {1e6, 5e5, Double.NaN}).render();
        assertEquals(2, svg.split("<circle").length - 1, "two points; the missing one is left out");
        assertTrue(svg.contains("1M"), "decade labels");
    }
}
