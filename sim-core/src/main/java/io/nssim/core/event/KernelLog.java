package io.nssim.core.event;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's log buffer ({@code kernel/printk/printk_ringbuffer.c}): a ring of records that keeps the newest
 * and drops the oldest, so {@code dmesg} shows what survived and a kernel that logs forever still fits.
 *
 * <p>Sizes are those of a kernel built with {@code CONFIG_LOG_BUF_SHIFT=17} (Debian's amd64 config, and the
 * recording machine's): {@code log_buf_len} = 2^17 = 131,072 bytes of text data ring and 2^(17 - PRB_AVGBITS)
 * = 4,096 descriptors (records). A record's text takes a data block of its bytes plus the 8-byte block id,
 * aligned to 8; a block never wraps around the end of the data ring (it is placed at the start of the next
 * wrap, wasting the tail); reserving a block pushes out every record whose block begins before the new
 * block's end minus the ring size, and a new descriptor pushes out the oldest once 4,096 are in use. A text
 * longer than {@code PRINTKRB_RECORD_MAX} (1,024 bytes) is cut. With 2 CPUs {@code log_buf_add_cpu} adds
 * nothing (it does only when the per-CPU extra exceeds half the buffer).
 *
 * <p>{@code dmesg -C} ({@code SYSLOG_ACTION_CLEAR}) does not free records: it moves {@code clear_seq}, and
 * dmesg reads from there. Not thread-safe: the kernel serialises printk callers.
 */
public final class KernelLog {
    /** {@code CONFIG_LOG_BUF_SHIFT} of Debian's amd64 kernels (and of the recording machine). */
    public static final int LOG_BUF_SHIFT = 17;
    /** {@code log_buf_len}: bytes in the data ring. */
    public static final int LOG_BUF_LEN = 1 << LOG_BUF_SHIFT;
    /** {@code PRB_AVGBITS}: the descriptor ring assumes records of 2^5 = 32 bytes on average. */
    static final int PRB_AVGBITS = 5;
    /** {@code DESCS_COUNT}: at most this many records survive, however short. */
    public static final int DESCS_COUNT = 1 << (LOG_BUF_SHIFT - PRB_AVGBITS);
    /** {@code PRINTKRB_RECORD_MAX}: the longest text one record keeps, in bytes. */
    public static final int RECORD_MAX = 1024;
    /** {@code sizeof(struct prb_data_block)} without data: the block's id, an unsigned long. */
    private static final int BLOCK_ID_SIZE = 8;

    /** A record in the ring: its sequence number, where its data block begins (a logical position), the text. */
    private record Rec(long seq, long beginLpos, KernelEvent.Log log) {
    }

    private final ArrayDeque<Rec> records = new ArrayDeque<>();
    /** The next record's sequence number ({@code prb_next_seq}): every record ever stored, dropped or not. */
    private long nextSeq;
    /** {@code data_ring.head_lpos}: where the next data block would begin. */
    private long headLpos;
    /** {@code clear_seq}: dmesg starts here. */
    private long clearSeq;

    /** {@code vprintk_store} of one record. */
    public void add(KernelEvent.Log line) {
        String text = cut(line.line());
        KernelEvent.Log stored = text.equals(line.line()) ? line : new KernelEvent.Log(line.nanos(), text);
        long begin = reserve(blockSize(text));
        records.addLast(new Rec(nextSeq++, begin, stored));
        if (records.size() > DESCS_COUNT) {
            records.removeFirst(); // desc_push_tail: the descriptor ring wrapped onto the oldest
        }
    }

    /**
     * Stores {@code times} repetitions of {@code group} (records logged together), the i-th (from 0) at
     * {@code firstNanos + i * periodNanos}, as if each had been added in turn, but in time proportional to
     * what survives, not to {@code times}: periodic kernel work that logs the same lines over a long virtual
     * sleep (the unregister wait's warnings) accounts its records here. The sequence numbers and the ring's
     * positions advance exactly as by {@link #add}.
     */
    public void addRepeated(List<String> group, long firstNanos, long periodNanos, long times) {
        checkArgument(times >= 0, "negative repeat count: %s", times);
        checkArgument(periodNanos >= 0, "negative period: %s", periodNanos);
        if (group.isEmpty() || times == 0) {
            return;
        }
        String[] texts = group.stream().map(KernelLog::cut).toArray(String[]::new);
        int[] sizes = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            sizes[i] = blockSize(texts[i]);
        }
        // DESCS_COUNT records stored afterwards push out everything before them, by count or (when they take
        // more than the data ring) by space; so only the last groups that make up that many need storing.
        long keep = Math.min(times, DESCS_COUNT / texts.length + 1);
        long skipped = times - keep;
        if (skipped > 0) {
            skipBlocks(sizes, skipped);
            nextSeq += skipped * texts.length;
            records.clear();
        }
        for (long i = skipped; i < times; i++) {
            long nanos = firstNanos + i * periodNanos;
            for (String text : texts) {
                add(new KernelEvent.Log(nanos, text));
            }
        }
    }

    /** The records dmesg shows: those that survived, from {@code clear_seq} on, oldest first. */
    public ImmutableList<KernelEvent.Log> lines() {
        ImmutableList.Builder<KernelEvent.Log> b = ImmutableList.builder();
        for (Rec r : records) {
            if (r.seq >= clearSeq) {
                b.add(r.log);
            }
        }
        return b.build();
    }

    /** {@code prb_next_seq}: how many records were ever stored, including those pushed out since. */
    public long nextSeq() {
        return nextSeq;
    }

    /** {@code prb_first_valid_seq}: the oldest surviving record's sequence number. */
    public long firstSeq() {
        return records.isEmpty() ? nextSeq : records.peekFirst().seq;
    }

    /** {@code [    1.000000] text}, dmesg's default format. */
    public static String format(KernelEvent.Log l) {
        long micros = l.nanos() / 1000;
        return String.format(Locale.ROOT, "[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, l.line());
    }

    /** {@code SYSLOG_ACTION_CLEAR} ({@code dmesg -C}): dmesg shows only what comes after. */
    public void clear() {
        clearSeq = nextSeq;
    }

    private static String cut(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= RECORD_MAX) {
            return text;
        }
        // Cut at a byte count, as the kernel does; a split UTF-8 sequence decodes to U+FFFD, as dmesg shows it.
        return new String(bytes, 0, RECORD_MAX, StandardCharsets.UTF_8);
    }

    /** {@code to_blk_size}: the text plus the block id, aligned to the id's size. An empty text takes no block. */
    private static int blockSize(String text) {
        int len = Math.min(text.getBytes(StandardCharsets.UTF_8).length, RECORD_MAX);
        if (len == 0) {
            return 0;
        }
        return (len + BLOCK_ID_SIZE + BLOCK_ID_SIZE - 1) & -BLOCK_ID_SIZE;
    }

    /** {@code data_alloc}: reserves a block and pushes out the records whose blocks it overwrites. */
    private long reserve(int size) {
        if (size == 0) {
            return headLpos; // NO_LPOS in the kernel: a data-less record occupies no space
        }
        long begin = headLpos;
        long next = nextLpos(begin, size);
        headLpos = next;
        long tailLimit = next - LOG_BUF_LEN; // data_push_tail(next - DATA_SIZE)
        while (!records.isEmpty() && records.peekFirst().beginLpos < tailLimit) {
            records.removeFirst();
        }
        return begin; // blk_lpos.begin: before the wasted tail when the block wrapped, as data_push_tail walks it
    }

    /** {@code get_next_lpos}: a block that would cross the end of the ring starts the next wrap instead. */
    private static long nextLpos(long begin, int size) {
        long next = begin + size;
        if (begin >>> LOG_BUF_SHIFT == next >>> LOG_BUF_SHIFT) {
            return next;
        }
        return ((next >>> LOG_BUF_SHIFT) << LOG_BUF_SHIFT) + size;
    }

    /**
     * Moves the head over {@code groups} repetitions of blocks of {@code sizes} exactly as reserving each would,
     * in time proportional to how often the ring wraps: between wraps whole groups advance at once.
     */
    private void skipBlocks(int[] sizes, long groups) {
        long groupBytes = 0;
        for (int s : sizes) {
            groupBytes += s;
        }
        if (groupBytes == 0) {
            return;
        }
        long left = groups;
        while (left > 0) {
            long offset = headLpos & (LOG_BUF_LEN - 1);
            // Whole groups that end strictly before the end of this wrap advance without a wrap.
            long fit = Math.min(left, (LOG_BUF_LEN - 1 - offset) / groupBytes);
            headLpos += fit * groupBytes;
            left -= fit;
            if (left > 0) {
                for (int s : sizes) {
                    if (s > 0) {
                        headLpos = nextLpos(headLpos, s);
                    }
                }
                left--;
            }
        }
    }
}
