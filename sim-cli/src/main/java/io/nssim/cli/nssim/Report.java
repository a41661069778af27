package io.nssim.cli.nssim;

import java.util.List;

/**
 * The layout every {@code nssim show} report uses: a title line, then "  label     value" lines with the labels
 * in a fixed column and continuation lines aligned under the values.
 */
final class Report {
    static final int LABEL_WIDTH = 10;
    private static final String INDENT = "  ";
    private static final String CONTINUATION = " ".repeat(INDENT.length() + LABEL_WIDTH);
    private final StringBuilder sb = new StringBuilder();

    Report title(String t) {
        sb.append(t).append('\n');
        return this;
    }

    /** {@code "  label     value"}. */
    Report line(String label, String value) {
        sb.append(INDENT).append(pad(label)).append(value).append('\n');
        return this;
    }

    /** A value under the previous line's. */
    Report more(String value) {
        sb.append(CONTINUATION).append(value).append('\n');
        return this;
    }

    /** {@code label} with the first item, the others under it; {@code none} when there are no items. */
    Report list(String label, List<String> items, String none) {
        if (items.isEmpty()) {
            return line(label, none);
        }
        line(label, items.get(0));
        for (String s : items.subList(1, items.size())) {
            more(s);
        }
        return this;
    }

    private static String pad(String label) {
        return label.length() >= LABEL_WIDTH ? label + " " : label + " ".repeat(LABEL_WIDTH - label.length());
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
