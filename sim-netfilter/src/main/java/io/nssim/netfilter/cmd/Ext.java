package io.nssim.netfilter.cmd;

import java.util.ArrayList;
import java.util.List;

/**
 * The userspace half of a match or target extension as iptables loads it: its options (merged into the
 * getopt table), their parsing, the final check, and the immutable kernel object it builds. One instance per
 * use in a rule. The common checks of the xtables option framework (x6) live here: an option given twice,
 * a {@code !} before an option that cannot be negated.
 */
abstract class Ext {
    /** An option: {@code id} is shared by aliases, {@code canonical} names it in messages. */
    record Opt(String name, String canonical, Getopt.Arg arg, int id, boolean invertible) {
    }

    private final String name;
    private int base;
    private int seen;

    Ext(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    abstract List<Opt> opts();

    /** Where this extension's getopt codes start. */
    void base(int b) {
        this.base = b;
    }

    List<Getopt.Opt> getoptOpts() {
        List<Getopt.Opt> l = new ArrayList<>();
        List<Opt> opts = opts();
        for (int i = 0; i < opts.size(); i++) {
            l.add(new Getopt.Opt(opts.get(i).name(), opts.get(i).arg(), base + i));
        }
        return l;
    }

    boolean owns(int code) {
        return code >= base && code < base + opts().size();
    }

    boolean has(int id) {
        return (seen & (1 << id)) != 0;
    }

    boolean anySeen() {
        return seen != 0;
    }

    void handle(int code, String arg, boolean invert, ParseCtx c) {
        Opt o = opts().get(code - base);
        if (invert && !o.invertible()) {
            throw c.msg.param(name + ": option \"--" + o.canonical() + "\" cannot be inverted.\n");
        }
        if (has(o.id())) {
            throw once(o, c);
        }
        seen |= 1 << o.id();
        parse(o, arg, invert, c);
    }

    /** The framework's text for an option given twice. */
    XtablesExit once(Opt o, ParseCtx c) {
        return c.msg.param(name + ": option \"--" + o.canonical() + "\" can only be used once.\n");
    }

    abstract void parse(Opt o, String arg, boolean invert, ParseCtx c);

    /** {@code x6_fcheck}: after the whole command line. */
    void finalCheck(ParseCtx c) {
    }

    /** Options of one group that exclude each other, checked in definition order. */
    void exclusive(ParseCtx c, int... ids) {
        for (Opt a : opts()) {
            if (!has(a.id())) {
                continue;
            }
            for (Opt b : opts()) {
                if (b.id() != a.id() && has(b.id()) && contains(ids, a.id()) && contains(ids, b.id())) {
                    throw c.msg.param(name + ": option \"--" + a.canonical() + "\" cannot be used together with \"--"
                            + b.canonical() + "\".\n");
                }
            }
        }
    }

    void mandatory(ParseCtx c, int id) {
        if (!has(id)) {
            for (Opt o : opts()) {
                if (o.id() == id) {
                    throw c.msg.param(name + ": option \"--" + o.canonical() + "\" must be specified\n");
                }
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static Opt opt(String name, Getopt.Arg arg, int id, boolean inv) {
        return new Opt(name, name, arg, id, inv);
    }

    static Opt alias(String name, String canonical, Getopt.Arg arg, int id, boolean inv) {
        return new Opt(name, canonical, arg, id, inv);
    }
}
