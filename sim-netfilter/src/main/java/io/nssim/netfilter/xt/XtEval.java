package io.nssim.netfilter.xt;

/**
 * {@code ipt_do_table}: runs a packet through a compiled table from the entry of its hook. A rule whose fixed
 * part and matches all match counts the packet (the IP total length in bytes) and applies its target; a jump
 * pushes the return position, a goto does not; RETURN (or the end of a user chain) pops, and at the bottom
 * of the stack falls to the built-in chain's policy. Allocation-free: the stack lives in the
 * {@link PacketContext}.
 */
public final class XtEval {
    private XtEval() {
    }

    /** The table's verdict for the packet in {@code p} at {@code p.hook}: NF_ACCEPT, NF_DROP or NF_STOLEN. */
    public static int doTable(TableSnapshot t, PacketContext p) {
        int hook = p.hook.ordinal();
        int i = t.hookEntry[hook];
        if (i < 0) {
            return Verdicts.NF_ACCEPT;
        }
        TableSnapshot.Entry[] entries = t.entries;
        int[] stack = p.stack;
        int sp = 0;
        for (;;) {
            TableSnapshot.Entry e = entries[i];
            if (!e.header.matches(p) || !matchAll(e.matches, p)) {
                i++;
                continue;
            }
            if (e.counter != null) {
                e.counter.add(p.totLen);
            }
            switch (e.kind) {
                case TableSnapshot.K_NONE -> i++;
                case TableSnapshot.K_ACCEPT -> {
                    return Verdicts.NF_ACCEPT;
                }
                case TableSnapshot.K_DROP -> {
                    return Verdicts.NF_DROP;
                }
                case TableSnapshot.K_POLICY -> {
                    return e.policyVerdict;
                }
                case TableSnapshot.K_RETURN -> i = sp == 0 ? t.underflow[hook] : stack[--sp];
                case TableSnapshot.K_JUMP -> {
                    if (sp == stack.length) {
                        return Verdicts.NF_DROP;
                    }
                    stack[sp++] = i + 1;
                    i = e.jump;
                }
                case TableSnapshot.K_GOTO -> i = e.jump;
                default -> {
                    int v = e.target.target(p);
                    if (v == Verdicts.XT_CONTINUE) {
                        i++;
                    } else if (v == Verdicts.XT_RETURN) {
                        i = sp == 0 ? t.underflow[hook] : stack[--sp];
                    } else {
                        return v;
                    }
                }
            }
        }
    }

    private static boolean matchAll(XtMatch[] ms, PacketContext p) {
        for (XtMatch m : ms) {
            if (!m.matches(p)) {
                return false;
            }
        }
        return true;
    }
}
