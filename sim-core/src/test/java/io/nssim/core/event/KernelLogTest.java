package io.nssim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class KernelLogTest {

    private static List<String> texts(KernelLog log) {
        return log.lines().stream().map(KernelEvent.Log::line).toList();
    }

    @Test
    void shouldKeepAtMostDescsCountShortRecordsAndDropTheOldest() {
        KernelLog log = new KernelLog();
        int n = KernelLog.DESCS_COUNT + 10;
        for (int i = 0; i < n; i++) {
            log.add(new KernelEvent.Log(i, "m" + i)); // 8 + 2..5 bytes: the descriptor ring fills first
        }
        List<String> kept = texts(log);
        assertEquals(4096, KernelLog.DESCS_COUNT, "2^(17 - PRB_AVGBITS)");
        assertEquals(KernelLog.DESCS_COUNT, kept.size());
        assertEquals("m10", kept.get(0), "the 10 oldest were pushed out");
        assertEquals("m" + (n - 1), kept.get(kept.size() - 1));
        assertEquals(n, log.nextSeq());
        assertEquals(10, log.firstSeq());
    }

    @Test
    void shouldKeepOnlyWhatFitsInTheDataRingForLongRecords() {
        KernelLog log = new KernelLog();
        String text = "x".repeat(120); // a 128-byte block: 1,024 of them fill the 131,072-byte ring exactly
        for (int i = 0; i < 3000; i++) {
            log.add(new KernelEvent.Log(i, text + i % 10));
        }
        int kept = log.lines().size();
        // Blocks of 136 bytes (120 + 1 + 8, aligned to 8); a block never wraps, so at most 131072 / 136 fit.
        assertTrue(kept <= KernelLog.LOG_BUF_LEN / 136 && kept >= KernelLog.LOG_BUF_LEN / 136 - 1,
                "kept " + kept);
        assertEquals(3000 - kept, log.firstSeq());
    }

    @Test
    void shouldCutATextLongerThanTheRecordMaximum() {
        KernelLog log = new KernelLog();
        log.add(new KernelEvent.Log(0, "y".repeat(5000)));
        assertEquals(KernelLog.RECORD_MAX, texts(log).get(0).length());
    }

    @Test
    void shouldShowOnlyRecordsAfterAClear() {
        KernelLog log = new KernelLog();
        log.add(new KernelEvent.Log(0, "before"));
        log.clear();
        log.add(new KernelEvent.Log(1, "after"));
        assertEquals(List.of("after"), texts(log));
        assertEquals(2, log.nextSeq(), "clearing frees nothing: clear_seq only moves");
    }

    /** Repeating a group at once leaves the ring exactly as adding every record in turn would. */
    @Property(tries = 60)
    void repeatedGroupsShouldLeaveTheRingAsAddingEachRecord(
            @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 0, max = 300) String> group,
            @ForAll @IntRange(min = 0, max = 30_000) int times,
            @ForAll @IntRange(min = 0, max = 50) int before) {
        KernelLog one = new KernelLog();
        KernelLog all = new KernelLog();
        for (int i = 0; i < before; i++) {
            String t = "boot line " + i;
            one.add(new KernelEvent.Log(i, t));
            all.add(new KernelEvent.Log(i, t));
        }
        for (long i = 0; i < times; i++) {
            for (String t : group) {
                one.add(new KernelEvent.Log(1000 + i * 7, t));
            }
        }
        all.addRepeated(group, 1000, 7, times);
        assertEquals(one.lines(), all.lines());
        assertEquals(one.nextSeq(), all.nextSeq());
        assertEquals(one.firstSeq(), all.firstSeq());
        // And the next record lands where it would: the data ring's head moved identically.
        one.add(new KernelEvent.Log(1, "z".repeat(900)));
        all.add(new KernelEvent.Log(1, "z".repeat(900)));
        assertEquals(one.lines(), all.lines());
    }

    @Test
    void shouldAccountABillionRepetitionsKeepingOnlyTheNewest() {
        KernelLog log = new KernelLog();
        List<String> group = List.of("unregister_netdevice: waiting for va to become free. Usage count = 2",
                "ref_tracker: va@0000000012345678 has 1/1 users at", "     nssim leak dev");
        long times = 1_000_000_000L;
        log.addRepeated(group, 0, 10_250_000_000L, times);
        assertEquals(times * 3, log.nextSeq());
        List<KernelEvent.Log> kept = log.lines();
        assertTrue(kept.size() < KernelLog.DESCS_COUNT, "kept " + kept.size());
        assertEquals((times - 1) * 10_250_000_000L, kept.get(kept.size() - 1).nanos(), "the newest survives");
        assertEquals("     nssim leak dev", kept.get(kept.size() - 1).line());
    }
}
