package io.nssim.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart: categorical x positions (equally spaced, labelled with their values, so 0, 10, 100,
 * 1000 read as a log axis that still has room for 0) and a logarithmic y axis with decade grid lines. Enough
 * for "throughput against rule count" without a plotting library.
 */
public final class SvgPlot {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 90;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /** One line: a name and a y value per x category (NaN where not measured). */
    public record Series(String name, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    public SvgPlot(String title, String xLabel, String yLabel, List<String> categories) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = List.copyOf(categories);
    }

    public SvgPlot add(String name, double[] y) {
        if (y.length != categories.size()) {
            throw new IllegalArgumentException(name + ": " + y.length + " values for " + categories.size() + " x");
        }
        series.add(new Series(name, y.clone()));
        return this;
    }

    public boolean isEmpty() {
        for (Series s : series) {
            for (double v : s.y) {
                if (v > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    public String render() {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : series) {
            for (double v : s.y) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        int lo = (int) Math.floor(Math.log10(min));
        int hi = (int) Math.ceil(Math.log10(max));
        if (hi == lo) {
            hi++;
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"28\" font-size=\"16\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, esc(title)));
        // y grid: decades, with 2x and 5x minor lines
        for (int d = lo; d <= hi; d++) {
            double y = yPos(Math.pow(10, d), lo, hi, plotH);
            sb.append(line(LEFT, y, LEFT + plotW, y, "#cccccc", 1));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
                    y + 4, esc(human(Math.pow(10, d)))));
            if (d < hi) {
                for (int m : new int[] {2, 5}) {
                    double ym = yPos(m * Math.pow(10, d), lo, hi, plotH);
                    sb.append(line(LEFT, ym, LEFT + plotW, ym, "#eeeeee", 1));
                }
            }
        }
        // x categories
        int n = categories.size();
        for (int i = 0; i < n; i++) {
            double x = xPos(i, n, plotW);
            sb.append(line(x, TOP, x, TOP + plotH, "#eeeeee", 1));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    TOP + plotH + 18, esc(categories.get(i))));
        }
        sb.append(line(LEFT, TOP, LEFT, TOP + plotH, "black", 1));
        sb.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "black", 1));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 15, esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %d)\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, esc(yLabel)));
        // series
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double v = ser.y[i];
                if (!(v > 0)) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        xPos(i, n, plotW), yPos(v, lo, hi, plotH)));
            }
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    path, colour));
            for (int i = 0; i < n; i++) {
                double v = ser.y[i];
                if (v > 0) {
                    sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\">"
                                    + "<title>%s %s: %s</title></circle>%n", xPos(i, n, plotW),
                            yPos(v, lo, hi, plotH), colour, esc(ser.name), esc(categories.get(i)), esc(human(v))));
                }
            }
            int ly = TOP + 10 + s * 22;
            sb.append(line(LEFT + plotW + 15, ly, LEFT + plotW + 40, ly, colour, 2));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW + 46, ly + 4,
                    esc(ser.name)));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double xPos(int i, int n, int plotW) {
        return n == 1 ? LEFT + plotW / 2.0 : LEFT + 20 + i * (plotW - 40) / (double) (n - 1);
    }

    private static double yPos(double v, int lo, int hi, int plotH) {
        double f = (Math.log10(v) - lo) / (hi - lo);
        return TOP + plotH - f * plotH;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, int width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%d\"/>%n", x1, y1, x2, y2, colour, width);
    }

    /** 1234567 -> "1.23M". */
    static String human(double v) {
        if (v >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (v >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (v >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
