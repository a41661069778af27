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
        int[] addrs = t.addrs;
        byte[] flags = t.flags;
        int saddr = p.saddr;
        int daddr = p.daddr;
        int[] stack = p.stack;
        int sp = 0;
        for (;;) {
            i = nextAddrMatch(addrs, flags, i, saddr, daddr);
            int f = flags[i];
            TableSnapshot.Entry e = entries[i];
            if ((f & TableSnapshot.F_HEADER) != 0 && !e.header.matches(p)
                    || (f & TableSnapshot.F_MATCHES) != 0 && !matchAll(e.matches, p)) {
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
                    // a target that rewrote the packet reloaded the context: test later rules on what it made
                    saddr = p.saddr;
                    daddr = p.daddr;
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

    /**
     * {@code ip_packet_match}'s address tests on the flat layout: the first entry from {@code from} on whose
     * source and destination tests pass. A counted loop over two arrays that touches no entry object, so a run
     * of rules that fail on addresses costs a few loads each. Every chain ends in an entry that tests no address
     * (its policy or implicit RETURN), so the scan stops within the chain it started in.
     */
    private static int nextAddrMatch(int[] addrs, byte[] flags, int from, int saddr, int daddr) {
        for (int i = from; i < flags.length; i++) {
            int f = flags[i];
            if (((saddr & addrs[4 * i + 1]) == addrs[4 * i]) != ((f & TableSnapshot.F_INV_SRC) != 0)
                    && ((daddr & addrs[4 * i + 3]) == addrs[4 * i + 2]) != ((f & TableSnapshot.F_INV_DST) != 0)) {
                return i;
            }
        }
        throw new IllegalStateException("chain without its closing entry at " + from);
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
