package io.nssim.netfilter.ext;

import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/** The comment match ({@code xt_comment}): always matches, carries text for the listing. */
public record CommentMatch(String comment) implements XtMatch {
    @Override
    public String name() {
        return "comment";
    }

    @Override
    public boolean matches(PacketContext p) {
        return true;
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" /* ").append(comment).append(" */");
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --comment");
        SaveText.quote(sb, comment);
    }
}
