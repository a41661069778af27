package io.nssim.cli.nssim;

import io.nssim.core.net.NetState;

/**
 * {@code nssim dot}: the machine as a Graphviz graph. Each net is a cluster labelled with its name, inode,
 * counters and state; its devices are boxes inside (kind, ifindex, state, device refcount); veth pairs are
 * solid edges, bridge ports dashed edges to their bridge. Render it with {@code dot -Tsvg}.
 */
final class Dot {
    private Dot() {
    }

    static String render(MachineModel m) {
        StringBuilder sb = new StringBuilder();
        sb.append("graph nssim {\n");
        sb.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n");
        sb.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (MachineModel.NetNode n : m.nets()) {
            sb.append("  subgraph cluster_").append(n.id()).append(" {\n");
            String title = n.label().isEmpty() ? n.inode() : n.label() + "  " + n.inode();
            sb.append("    label=\"").append(esc(title)).append("\\ncount ").append(n.count()).append("  passive ")
                    .append(n.passive()).append(n.state() == NetState.ALIVE ? "" : "\\n" + n.state()).append("\";\n");
            sb.append("    style=").append(n.state() == NetState.DEAD ? "dashed" : "solid").append("; color=")
                    .append(color(n.state())).append(";\n");
            if (n.devices().isEmpty()) {
                sb.append("    ").append(n.id()).append("_empty [shape=point, style=invis];\n");
            }
            for (MachineModel.DevNode d : n.devices()) {
                sb.append("    ").append(d.id()).append(" [label=\"").append(esc(d.name())).append("\\n")
                        .append(esc(d.kind())).append(", ifindex ").append(d.ifindex()).append("\\n")
                        .append(d.state()).append(", refcnt ").append(d.refcnt()).append('"');
                switch (d.state()) {
                    case "waiting" -> sb.append(", style=\"rounded,dashed\", color=red");
                    case "DOWN" -> sb.append(", color=gray50");
                    case "NO-CARRIER" -> sb.append(", color=orange");
                    default -> sb.append(", color=darkgreen");
                }
                sb.append("];\n");
            }
            sb.append("  }\n");
        }
        for (MachineModel.Edge e : m.edges()) {
            sb.append("  ").append(e.a().id()).append(" -- ").append(e.b().id());
            sb.append(e.kind().equals("veth") ? " [label=\"veth\"];\n" : " [label=\"port\", style=dashed];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String color(NetState s) {
        return switch (s) {
            case ALIVE, SETTING_UP -> "black";
            case CLEANUP_QUEUED -> "orange";
            case EXITING -> "red";
            case DEAD, FREED -> "gray50";
        };
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
