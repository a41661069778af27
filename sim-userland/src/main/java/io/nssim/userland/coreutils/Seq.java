package io.nssim.userland.coreutils;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * coreutils {@code seq [-w] [-s SEP] [-f FMT] [FIRST [INCREMENT]] LAST}: decimal arithmetic (so 0.1 steps do
 * not drift), as many fraction digits as the widest operand, {@code -w} pads with zeros. At most
 * {@link #MAX_NUMBERS} numbers: more is refused with an nssim message rather than filling memory.
 */
public final class Seq implements Program {
    static final int MAX_NUMBERS = 1_000_000;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        String sep = "\n";
        boolean equalWidth = false;
        String format = null;
        List<String> nums = new ArrayList<>();
        List<String> args = argv.subList(1, argv.size());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            // a negative number is an operand, not an option
            if (a.startsWith("-") && a.length() > 1 && !a.matches("-[0-9.]+.*") && nums.isEmpty()) {
                if (a.equals("-w") || a.equals("--equal-width")) {
                    equalWidth = true;
                } else if (a.startsWith("-s") || a.startsWith("--separator")) {
                    String v = a.startsWith("-s") && a.length() > 2 ? a.substring(2)
                            : a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i)
                                    : null;
                    if (v == null) {
                        return Tool.usage(proc, "seq", "option requires an argument -- 's'", 1);
                    }
                    sep = v;
                } else if (a.startsWith("-f") || a.startsWith("--format")) {
                    String v = a.startsWith("-f") && a.length() > 2 ? a.substring(2)
                            : a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i)
                                    : null;
                    if (v == null) {
                        return Tool.usage(proc, "seq", "option requires an argument -- 'f'", 1);
                    }
                    format = v;
                } else if (a.equals("--")) {
                    continue;
                } else if (a.startsWith("--")) {
                    return Tool.usage(proc, "seq", "unrecognized option '" + a + "'", 1);
                } else {
                    return Tool.usage(proc, "seq", "invalid option -- '" + a.charAt(1) + "'", 1);
                }
                continue;
            }
            nums.add(a);
        }
        if (nums.isEmpty()) {
            return Tool.usage(proc, "seq", "missing operand", 1);
        }
        if (nums.size() > 3) {
            return Tool.usage(proc, "seq", "extra operand " + Tool.shellQuote(nums.get(3)), 1);
        }
        List<BigDecimal> v = new ArrayList<>();
        for (String n : nums) {
            try {
                v.add(new BigDecimal(n.startsWith("+") ? n.substring(1) : n));
            } catch (NumberFormatException e) {
                return Tool.usage(proc, "seq", "invalid floating point argument: " + Tool.shellQuote(n), 1);
            }
        }
        BigDecimal first = v.size() > 1 ? v.get(0) : BigDecimal.ONE;
        BigDecimal step = v.size() > 2 ? v.get(1) : BigDecimal.ONE;
        BigDecimal last = v.get(v.size() - 1);
        if (step.signum() == 0) {
            return Tool.usage(proc, "seq", "invalid Zero increment value: " + Tool.shellQuote(nums.get(1)), 1);
        }
        int scale = Math.max(Math.max(first.scale(), step.scale()), 0);
        if (v.size() > 2 || v.size() > 1) {
            scale = Math.max(scale, 0);
        }
        List<String> out = new ArrayList<>();
        BigDecimal x = first;
        int width = 0;
        while (step.signum() > 0 ? x.compareTo(last) <= 0 : x.compareTo(last) >= 0) {
            if (out.size() >= MAX_NUMBERS) {
                proc.err().print("nssim: seq: more than " + MAX_NUMBERS + " numbers (the simulator's limit)\n");
                return Outcome.exit(1);
            }
            String s = format != null ? cFormat(format, x) : x.setScale(scale, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString();
            out.add(s);
            width = Math.max(width, s.length());
            x = x.add(step);
        }
        if (equalWidth && format == null) {
            String lastStr = last.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
            width = Math.max(width, lastStr.length());
            for (int i = 0; i < out.size(); i++) {
                String s = out.get(i);
                boolean neg = s.startsWith("-");
                String digits = neg ? s.substring(1) : s;
                StringBuilder pad = new StringBuilder();
                while (pad.length() + s.length() < width) {
                    pad.append('0');
                }
                out.set(i, (neg ? "-" : "") + pad + digits);
            }
        }
        if (!out.isEmpty()) {
            proc.out().print(String.join(sep, out) + "\n");
        }
        return Outcome.exit(0);
    }

    private static String cFormat(String fmt, BigDecimal x) {
        try {
            return String.format(java.util.Locale.ROOT, fmt.replace("%g", "%s"), fmt.contains("%g")
                    ? x.stripTrailingZeros().toPlainString() : fmt.matches(".*%[-+ 0#]*[0-9]*d.*") ? x.longValue()
                    : x.doubleValue());
        } catch (java.util.IllegalFormatException e) {
            return fmt;
        }
    }
}
