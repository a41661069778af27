package io.nssim.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalisation rules of conformance/README.md (the same as conformance/normalise.py), applied to both a
 * recorded and a simulated transcript before they are compared; only values that are random on Linux change:
 * <ol>
 *   <li>MAC addresses (six two-digit hex groups not part of a longer ':'/hex run), except all-zero and
 *       broadcast, become 02:00:00:00:00:NN, numbered by first appearance in the whole transcript
 *       (case-insensitive);</li>
 *   <li>IPv6 link-local addresses ({@code fe80::} and one to four groups) become {@code fe80::X};</li>
 *   <li>ping times: {@code time=N ms}, the rtt summary and {@code time Nms}.</li>
 * </ol>
 */
public final class Normaliser {
    private static final String HEX = "0-9A-Fa-f";
    private static final Pattern MAC = Pattern.compile(
            "(?<![" + HEX + ":])[" + HEX + "]{2}(?::[" + HEX + "]{2}){5}(?![" + HEX + ":])");
    private static final Pattern LINK_LOCAL = Pattern.compile(
            "(?<![" + HEX + ":])fe80::[" + HEX + "]{1,4}(?::[" + HEX + "]{1,4}){0,3}(?![" + HEX + ":])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PING_TIME = Pattern.compile("\\btime=[0-9]+(?:\\.[0-9]+)? ms\\b");
    private static final Pattern RTT = Pattern.compile(
            "\\brtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms\\b");
    private static final Pattern TOTAL_TIME = Pattern.compile("\\btime [0-9]+ms\\b");

    private Normaliser() {
    }

    /** The normalised transcript. No rule's pattern spans a line break, so the text is processed whole. */
    public static String normalise(String text) {
        Map<String, Integer> macs = new HashMap<>();
        Matcher m = MAC.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String addr = m.group().toLowerCase(Locale.ROOT);
            String repl;
            if (addr.equals("00:00:00:00:00:00") || addr.equals("ff:ff:ff:ff:ff:ff")) {
                repl = m.group();
            } else {
                int n = macs.computeIfAbsent(addr, k -> macs.size() + 1);
                repl = String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", n >> 8 & 0xFF, n & 0xFF);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        String s = LINK_LOCAL.matcher(sb.toString()).replaceAll("fe80::X");
        s = PING_TIME.matcher(s).replaceAll("time=X ms");
        s = RTT.matcher(s).replaceAll("rtt min/avg/max/mdev = X/X/X/X ms");
        s = TOTAL_TIME.matcher(s).replaceAll("time Xms");
        return s;
    }
}
