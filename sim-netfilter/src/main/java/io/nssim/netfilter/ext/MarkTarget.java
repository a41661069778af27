package io.nssim.netfilter.ext;

import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtTarget;

/** The MARK target, revision 2 ({@code xt_mark_tginfo2}): {@code mark = (mark & ~mask) ^ value}. */
public record MarkTarget(int mark, int mask) implements XtTarget {
    @Override
    public String name() {
        return "MARK";
    }

    @Override
    public int target(PacketContext p) {
        p.skb.setMark((p.skb.mark() & ~mask) ^ mark);
        return Verdicts.XT_CONTINUE;
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        if (mark == 0) {
            sb.append(" MARK and 0x").append(Integer.toHexString(~mask));
        } else if (mark == mask) {
            sb.append(" MARK or 0x").append(Integer.toHexString(mark));
        } else if (mask == 0) {
            sb.append(" MARK xor 0x").append(Integer.toHexString(mark));
        } else if (mask == -1) {
            sb.append(" MARK set 0x").append(Integer.toHexString(mark));
        } else {
            sb.append(" MARK xset 0x").append(Integer.toHexString(mark)).append("/0x")
                    .append(Integer.toHexString(mask));
        }
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --set-xmark 0x").append(Integer.toHexString(mark)).append("/0x")
                .append(Integer.toHexString(mask));
    }
}
