package io.nssim.cli.nssim;

import io.nssim.core.net.NetState;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine as an SVG picture, laid out by hand: one column per net (allocation order, init_net first), a box
 * per net with its name, inode, counters and state, the devices stacked inside it; veth pairs are solid lines
 * (an arc on the right when both ends share a net), bridge ports dashed arcs on the left to their bridge.
 * Everything is computed from the model, so the same machine gives the same picture.
 */
final class Svg {
    static final int MARGIN = 16;
    static final int COL_W = 224;
    static final int GAP = 64;
    static final int HEAD_H = 62;
    static final int DEV_H = 38;
    static final int DEV_GAP = 12;
    static final int DEV_PAD = 12;
    static final int LEGEND_H = 26;

    private Svg() {
    }

    private record Box(double x, double y, double w, double h) {
        double cy() {
            return y + h / 2;
        }

        double right() {
            return x + w;
        }
    }

    static String render(MachineModel m) {
        int cols = Math.max(1, m.nets().size());
        int maxDevs = 0;
        for (MachineModel.NetNode n : m.nets()) {
            maxDevs = Math.max(maxDevs, n.devices().size());
        }
        int netH = HEAD_H + Math.max(1, maxDevs) * (DEV_H + DEV_GAP) + DEV_PAD;
        int width = 2 * MARGIN + cols * COL_W + (cols - 1) * GAP;
        int height = 2 * MARGIN + netH + LEGEND_H;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" font-family=\"Helvetica, Arial, sans-serif\">\n", width, height,
                width, height));
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        Map<String, Box> boxes = new HashMap<>();
        for (int i = 0; i < m.nets().size(); i++) {
            MachineModel.NetNode n = m.nets().get(i);
            double x = MARGIN + i * (COL_W + GAP);
            double y = MARGIN;
            netBox(sb, n, x, y, netH);
            for (int j = 0; j < n.devices().size(); j++) {
                MachineModel.DevNode d = n.devices().get(j);
                Box b = new Box(x + DEV_PAD, y + HEAD_H + j * (DEV_H + DEV_GAP), COL_W - 2 * DEV_PAD, DEV_H);
                boxes.put(d.id(), b);
                devBox(sb, d, b);
            }
        }
        for (MachineModel.Edge e : m.edges()) {
            Box a = boxes.get(e.a().id());
            Box b = boxes.get(e.b().id());
            if (a == null || b == null) {
                continue;
            }
            sb.append(e.kind().equals("veth") ? vethPath(a, b) : portPath(a, b));
        }
        legend(sb, MARGIN, height - MARGIN - 8);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void netBox(StringBuilder sb, MachineModel.NetNode n, double x, double y, double h) {
        String fill = switch (n.state()) {
            case ALIVE, SETTING_UP -> "#eef3fc";
            case CLEANUP_QUEUED -> "#fff3e0";
            case EXITING -> "#fdecea";
            case DEAD, FREED -> "#f1f1f1";
        };
        String stroke = switch (n.state()) {
            case ALIVE, SETTING_UP -> "#4a6fa5";
            case CLEANUP_QUEUED -> "#e08a00";
            case EXITING -> "#c62828";
            case DEAD, FREED -> "#9e9e9e";
        };
        sb.append(String.format(Locale.ROOT, "<g class=\"net\" id=\"%s\">\n", n.id()));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" rx=\"8\" "
                + "fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"%s/>\n", x, y, COL_W, h, fill, stroke,
                n.state() == NetState.DEAD ? " stroke-dasharray=\"6 4\"" : ""));
        String label = n.label().isEmpty() ? "(no name)" : n.label();
        text(sb, x + 10, y + 19, 14, "bold", "#1a1a1a", clip(label, 24));
        text(sb, x + 10, y + 35, 11, "normal", "#444444", n.inode());
        String counters = "count " + n.count() + " \u00b7 passive " + n.passive()
                + (n.state() == NetState.ALIVE ? "" : " \u00b7 " + n.state());
        text(sb, x + 10, y + 50, 11, "normal", n.state() == NetState.ALIVE ? "#444444" : stroke, clip(counters, 38));
        sb.append("</g>\n");
    }

    private static void devBox(StringBuilder sb, MachineModel.DevNode d, Box b) {
        String fill;
        String stroke;
        String dash = "";
        switch (d.state()) {
            case "UP" -> {
                fill = "#e6f4ea";
                stroke = "#2e7d32";
            }
            case "NO-CARRIER" -> {
                fill = "#fff8e1";
                stroke = "#f9a825";
            }
            case "waiting" -> {
                fill = "#fdecea";
                stroke = "#c62828";
                dash = " stroke-dasharray=\"4 3\"";
            }
            default -> {
                fill = "#f7f7f7";
                stroke = "#9e9e9e";
            }
        }
        sb.append(String.format(Locale.ROOT, "<g class=\"dev\" id=\"%s\">\n", d.id()));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"5\" "
                + "fill=\"%s\" stroke=\"%s\" stroke-width=\"1.2\"%s/>\n", b.x, b.y, b.w, b.h, fill, stroke, dash));
        text(sb, b.x + 8, b.y + 15, 12, "bold", "#1a1a1a", d.name());
        textEnd(sb, b.right() - 8, b.y + 15, 11, "#555555", "ifindex " + d.ifindex());
        String second = d.kind() + " \u00b7 " + d.state() + " \u00b7 refcnt " + d.refcnt()
                + (d.master() == null ? "" : " \u00b7 in " + d.master());
        text(sb, b.x + 8, b.y + 30, 10, "normal", "#555555", clip(second, 40));
        sb.append("</g>\n");
    }

    /** A veth pair: left box's right edge to right box's left edge; an arc on the right within one column. */
    private static String vethPath(Box a, Box b) {
        if (Math.abs(a.x - b.x) < 1) {
            double x = a.right();
            double bulge = 28 + Math.abs(a.cy() - b.cy()) * 0.15;
            return String.format(Locale.ROOT, "<path class=\"veth\" d=\"M %.1f %.1f C %.1f %.1f %.1f %.1f %.1f %.1f\" "
                    + "fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>\n", x, a.cy(), x + bulge, a.cy(),
                    x + bulge, b.cy(), x, b.cy());
        }
        Box l = a.x < b.x ? a : b;
        Box r = a.x < b.x ? b : a;
        double x1 = l.right();
        double x2 = r.x;
        double mid = (x1 + x2) / 2;
        return String.format(Locale.ROOT, "<path class=\"veth\" d=\"M %.1f %.1f C %.1f %.1f %.1f %.1f %.1f %.1f\" "
                + "fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>\n", x1, l.cy(), mid, l.cy(), mid, r.cy(),
                x2, r.cy());
    }

    /** A bridge port: a dashed arc on the left from the port to its bridge. */
    private static String portPath(Box port, Box bridge) {
        double x = port.x;
        double bulge = 10 + Math.abs(port.cy() - bridge.cy()) * 0.08;
        return String.format(Locale.ROOT, "<path class=\"port\" d=\"M %.1f %.1f C %.1f %.1f %.1f %.1f %.1f %.1f\" "
                + "fill=\"none\" stroke=\"#6a1b9a\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n", x, port.cy(),
                x - bulge, port.cy(), x - bulge, bridge.cy(), x, bridge.cy());
    }

    private static void legend(StringBuilder sb, double x, double y) {
        sb.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f L %.1f %.1f\" stroke=\"#1565c0\" "
                + "stroke-width=\"2\"/>\n", x, y - 4, x + 24, y - 4));
        text(sb, x + 30, y, 11, "normal", "#444444", "veth pair");
        sb.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f L %.1f %.1f\" stroke=\"#6a1b9a\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n", x + 100, y - 4, x + 124, y - 4));
        text(sb, x + 130, y, 11, "normal", "#444444", "bridge port");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"10\" fill=\"#fdecea\" "
                + "stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>\n", x + 210, y - 9));
        text(sb, x + 232, y, 11, "normal", "#444444", "unregistered, waiting for references");
    }

    private static void text(StringBuilder sb, double x, double y, int size, String weight, String fill, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "fill=\"%s\">%s</text>\n", x, y, size, weight, fill, xml(s)));
    }

    private static void textEnd(StringBuilder sb, double x, double y, int size, String fill, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\" "
                + "fill=\"%s\">%s</text>\n", x, y, size, fill, xml(s)));
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** For tests: the ids of the device boxes, in drawing order. */
    static List<String> deviceIds(MachineModel m) {
        List<String> out = new java.util.ArrayList<>();
        for (MachineModel.NetNode n : m.nets()) {
            for (MachineModel.DevNode d : n.devices()) {
                out.add(d.id());
            }
        }
        return out;
    }
}
