package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.core.fs.Vfs;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code wc [-lwcmL] [FILE]...}: counts in the order lines, words, characters, bytes, max line length,
 * each right-aligned to the width {@code compute_number_width} chooses (the digits of the regular files' total
 * size, at least 7 when an input is not a regular file, such as standard input; 1 for a single count of a single
 * input), and a {@code total} line for several files. Standard input counts as a pipe unless it is a
 * redirected regular file.
 */
public final class Wc implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.of("lines", Getopt.Long.flag("l"),
            "words", Getopt.Long.flag("w"), "bytes", Getopt.Long.flag("c"), "chars", Getopt.Long.flag("m"),
            "max-line-length", Getopt.Long.flag("L"));

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "wc", argv, "lwcmL", LONGS);
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean lines = false;
        boolean words = false;
        boolean bytes = false;
        boolean chars = false;
        boolean maxLen = false;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "l" -> lines = true;
                case "w" -> words = true;
                case "c" -> bytes = true;
                case "m" -> chars = true;
                default -> maxLen = true;
            }
        }
        if (!lines && !words && !bytes && !chars && !maxLen) {
            lines = words = bytes = true;
        }
        List<String> files = new ArrayList<>(g.operands());
        boolean implicit = files.isEmpty();
        if (implicit) {
            files.add("-");
        }
        // compute_number_width: from the sizes stat reports before reading
        int width = 1;
        int counts = (lines ? 1 : 0) + (words ? 1 : 0) + (bytes ? 1 : 0) + (chars ? 1 : 0) + (maxLen ? 1 : 0);
        if (!(counts == 1 && files.size() == 1)) {
            long regular = 0;
            int minimum = 1;
            boolean firstFailed = false;
            for (int i = 0; i < files.size(); i++) {
                String f = files.get(i);
                if (f.equals("-")) {
                    if (proc.stdinIsRegularFile()) {
                        // fstat of a redirected file (< FILE) gives its size, as for a named one
                        regular += proc.stdin().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    } else {
                        minimum = 7; // a pipe, a terminal or /dev/null: no size to go by
                    }
                    continue;
                }
                Result<Vfs.FileStat> st = proc.fs().stat(proc.task(), f, true);
                if (st.isErr()) {
                    if (i == 0) {
                        firstFailed = true;
                    }
                    continue;
                }
                if (st.get().type() == Vfs.FileType.REGULAR) {
                    regular += st.get().size();
                } else {
                    minimum = 7;
                }
            }
            if (!firstFailed) {
                for (; regular >= 10; regular /= 10) {
                    width++;
                }
                width = Math.max(width, minimum);
            }
        }
        long[] total = new long[5];
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            long[] c = new long[5];
            if (r.isErr()) {
                proc.out().print(out.toString());
                out.setLength(0);
                proc.err().print("wc: " + f + ": " + Tool.strerror(r) + "\n");
                status = 1;
                if (!Tool.isDir(r)) {
                    continue;
                }
            } else {
                count(r.get(), c);
            }
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
            total[4] = Math.max(total[4], c[4]);
            out.append(line(c, lines, words, chars, bytes, maxLen, width, implicit ? null : f));
        }
        if (files.size() > 1) {
            out.append(line(total, lines, words, chars, bytes, maxLen, width, "total"));
        }
        proc.out().print(out.toString());
        return Outcome.exit(status);
    }

    /** lines, words, chars, bytes, max line length (tabs to multiples of 8). */
    static void count(String text, long[] c) {
        boolean inWord = false;
        long col = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            c[3]++;
            c[2]++;
            if (ch == '\n') {
                c[0]++;
                c[4] = Math.max(c[4], col);
                col = 0;
            } else if (ch == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (ch >= 32 && ch < 127) {
                col++;
            }
            boolean space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == 0x0b;
            if (space) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                c[1]++;
            }
        }
        c[4] = Math.max(c[4], col);
    }

    private static String line(long[] c, boolean lines, boolean words, boolean chars, boolean bytes,
            boolean maxLen, int width, String name) {
        List<String> parts = new ArrayList<>();
        String fmt = "%" + width + "d";
        if (lines) {
            parts.add(String.format(fmt, c[0]));
        }
        if (words) {
            parts.add(String.format(fmt, c[1]));
        }
        if (chars) {
            parts.add(String.format(fmt, c[2]));
        }
        if (bytes) {
            parts.add(String.format(fmt, c[3]));
        }
        if (maxLen) {
            parts.add(String.format(fmt, c[4]));
        }
        return String.join(" ", parts) + (name == null ? "" : " " + name) + "\n";
    }
}
