package io.nssim.netfilter.cmd;

import io.nssim.core.libc.Strtol;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.ipset.HashIpSet;
import io.nssim.netfilter.ipset.HashNetSet;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.Ipv4Text;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ipset} (v7.17) for the hash:ip and hash:net types, family inet: create, add, del, test, list (plain,
 * {@code -n}, {@code -t}, {@code -o save}), save, flush, destroy, rename, swap, version. Sets live in the net
 * and die with it; a set a rule uses cannot be destroyed. Members list in the order they were added (the real
 * tool lists them in hash order, which changes with the random initval).
 */
public final class IpsetCommand {
    private static final String V = "ipset v7.17";
    /** {@code IPSET_MAXNAMELEN} - 1. */
    private static final int MAX_NAME = 31;

    private IpsetCommand() {
    }

    /** An error: the text and the exit status (1 for the kernel's answers, 2 for usage errors). */
    private static final class Fail extends RuntimeException {
        final int status;
        final String text;

        Fail(int status, String text) {
            super(null, null, false, false);
            this.status = status;
            this.text = text;
        }
    }

    private static Fail err(String m) {
        return new Fail(1, V + ": " + m + "\n");
    }

    private static Fail usage(String m) {
        return new Fail(2, V + ": " + m + "\nTry `ipset help' for more information.\n");
    }

    public static int run(Kernel kernel, Net net, List<String> argv, PrintStream out) {
        if (NetfilterModule.of(kernel).isEmpty()) {
            out.print(V + ": Kernel error received: ipset protocol error\n");
            return 1;
        }
        NfNet nf = NfNet.of(net);
        StringBuilder sb = new StringBuilder();
        try {
            int rc = exec(kernel, nf, argv, sb);
            out.print(sb);
            return rc;
        } catch (Fail f) {
            out.print(sb);
            out.print(f.text);
            return f.status;
        }
    }

    private static int exec(Kernel kernel, NfNet nf, List<String> argv, StringBuilder out) {
        boolean exist = false;
        boolean names = false;
        boolean terse = false;
        boolean save = false;
        List<String> args = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-exist", "-!" -> exist = true;
                case "-h", "-help" -> {
                    out.append(Help.resource("ipset-help.txt"));
                    return 0;
                }
                case "-n", "-name" -> names = true;
                case "-t", "-terse" -> terse = true;
                case "-q", "-quiet", "-r", "-resolve", "-s", "-sorted" -> {
                }
                case "-o", "-output" -> {
                    if (i + 1 >= argv.size()) {
                        throw usage("Missing mandatory argument of option `output'");
                    }
                    String fmt = argv.get(++i);
                    if (fmt.equals("save")) {
                        save = true;
                    } else if (!fmt.equals("plain")) {
                        throw usage("Syntax error: unknown output mode '" + fmt + "'");
                    }
                }
                case "-v", "-version", "version" -> {
                    if (args.isEmpty()) {
                        out.append(V).append(", protocol version: 7\n");
                        return 0;
                    }
                    args.add(a);
                }
                default -> args.add(a);
            }
        }
        if (args.isEmpty()) {
            throw usage("No command specified.");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "create", "n", "-N" -> create(kernel, nf, rest, exist);
            case "add", "-A" -> addDel(nf, rest, exist, true, "add");
            case "del", "-D" -> addDel(nf, rest, exist, false, "del");
            case "test", "-T" -> {
                return test(nf, rest, out);
            }
            case "list", "-L" -> list(nf, rest, names, terse, save, out);
            case "save", "-S" -> list(nf, rest, false, false, true, out);
            case "flush", "-F" -> {
                for (IpSet s : target(nf, rest, "flush")) {
                    s.flush();
                }
            }
            case "destroy", "x", "-X" -> destroy(nf, rest);
            case "rename", "e", "-E" -> rename(nf, rest);
            case "swap", "w", "-W" -> swap(nf, rest);
            case "help", "-h", "-help" -> out.append(Help.resource("ipset-help.txt"));
            default -> throw usage("No command specified: unknown argument " + cmd);
        }
        return 0;
    }

    private static IpSet get(NfNet nf, String name) {
        return nf.ipsets().get(name).orElseThrow(() -> err("The set with the given name does not exist"));
    }

    /** The named set, or every set when no name is given (flush, list). */
    private static List<IpSet> target(NfNet nf, List<String> rest, String cmd) {
        if (rest.size() > 1) {
            throw usage("Unknown argument " + rest.get(1));
        }
        return rest.isEmpty() ? nf.ipsets().all() : List.of(get(nf, rest.get(0)));
    }

    /** {@code ipset_parse_uint32}: {@code strtoull(s, &end, 0)} over the whole word, ASCII digits, 32 bits. */
    private static int number(String s) {
        java.util.OptionalLong v = Strtol.parseUnsigned(s, 0, 0xFFFF_FFFFL);
        if (v.isEmpty() || s.strip().startsWith("-")) {
            throw err("Syntax error: '" + s + "' is invalid as number");
        }
        return (int) v.getAsLong();
    }

    private static void create(Kernel kernel, NfNet nf, List<String> rest, boolean exist) {
        if (rest.isEmpty()) {
            throw usage("Missing mandatory argument to command create");
        }
        if (rest.size() < 2) {
            throw usage("Missing second mandatory argument to command create");
        }
        String name = rest.get(0);
        String type = rest.get(1);
        if (name.length() > MAX_NAME) {
            throw err("Syntax error: setname '" + name + "' is longer than " + MAX_NAME + " characters");
        }
        if (!type.equals("hash:ip") && !type.equals("hash:net")) {
            throw err("Syntax error: typename '" + type + "' is unknown");
        }
        int hashsize = 1024;
        int maxelem = 65536;
        for (int i = 2; i < rest.size(); i++) {
            String o = rest.get(i);
            switch (o) {
                case "hashsize", "maxelem", "family" -> {
                    if (i + 1 >= rest.size()) {
                        throw usage("Missing mandatory argument of option `" + o + "'");
                    }
                    String v = rest.get(++i);
                    if (o.equals("family")) {
                        if (!v.equals("inet") && !v.equals("ipv4")) {
                            throw err("Syntax error: family " + v + " is not supported here");
                        }
                    } else if (o.equals("hashsize")) {
                        hashsize = number(v);
                    } else {
                        maxelem = number(v);
                    }
                }
                default -> throw usage("Unknown argument: `" + o + "'");
            }
        }
        int hs = 64;
        while (hs < hashsize) {
            hs <<= 1;
        }
        Optional<IpSet> old = nf.ipsets().get(name);
        if (old.isPresent()) {
            if (exist && old.get().typeName().equals(type)) {
                return;
            }
            throw err("Set cannot be created: set with the same name already exists");
        }
        int initval = kernel.random().nextInt();
        IpSet s = type.equals("hash:ip") ? new HashIpSet(name, hs, maxelem, initval)
                : new HashNetSet(name, hs, maxelem, initval);
        nf.ipsets().add(s);
    }

    /** An element: address with optional /cidr. */
    private static int[] element(String e, boolean net) {
        int slash = e.indexOf('/');
        String a = slash < 0 ? e : e.substring(0, slash);
        OptionalInt addr = Ipv4Text.parseQuad(a);
        if (addr.isEmpty()) {
            throw err("Syntax error: cannot parse " + a + ": resolving to IPv4 address failed");
        }
        int cidr = 32;
        if (slash >= 0) {
            String c = e.substring(slash + 1);
            if (c.isEmpty() || c.length() > 3 || !c.chars().allMatch(Strtol::isDigit)
                    || Integer.parseInt(c) > 32) {
                throw err("Syntax error: '" + c + "' is out of range 0-32");
            }
            cidr = Integer.parseInt(c);
        }
        if (net && cidr == 0) {
            throw err("The value of the CIDR parameter of the IP address is invalid");
        }
        return new int[] {addr.getAsInt(), cidr};
    }

    private static void addDel(NfNet nf, List<String> rest, boolean exist, boolean add, String cmd) {
        if (rest.isEmpty()) {
            throw usage("Missing mandatory argument to command " + cmd);
        }
        if (rest.size() < 2) {
            throw usage("Missing second mandatory argument to command " + cmd);
        }
        if (rest.size() > 2) {
            throw usage("Unknown argument: `" + rest.get(2) + "'");
        }
        IpSet s = get(nf, rest.get(0));
        IpSet.Outcome o;
        if (s instanceof HashIpSet ip) {
            int[] e = element(rest.get(1), false);
            o = add ? ip.add(e[0], e[1], exist) : ip.del(e[0], e[1], exist);
        } else {
            int[] e = element(rest.get(1), true);
            HashNetSet n = (HashNetSet) s;
            o = add ? n.add(e[0], e[1], exist) : n.del(e[0], e[1], exist);
        }
        switch (o) {
            case EXISTS -> throw err("Element cannot be added to the set: it's already added");
            case MISSING -> throw err("Element cannot be deleted from the set: it's not added");
            case FULL -> throw err("Hash is full, cannot add more elements");
            default -> {
            }
        }
    }

    private static int test(NfNet nf, List<String> rest, StringBuilder out) {
        if (rest.isEmpty()) {
            throw usage("Missing mandatory argument to command test");
        }
        if (rest.size() < 2) {
            throw usage("Missing second mandatory argument to command test");
        }
        IpSet s = get(nf, rest.get(0));
        int[] e = element(rest.get(1), s instanceof HashNetSet);
        boolean in = rest.get(1).indexOf('/') >= 0 ? s.testElement(e[0], e[1]) : s.test(e[0]);
        if (in) {
            out.append("Warning: ").append(rest.get(1)).append(" is in set ").append(s.name()).append(".\n");
            return 0;
        }
        out.append(rest.get(1)).append(" is NOT in set ").append(s.name()).append(".\n");
        return 1;
    }

    private static String header(IpSet s) {
        return "family inet hashsize " + s.hashsize() + " maxelem " + s.maxelem() + " bucketsize 12 initval 0x"
                + String.format(Locale.ROOT, "%08x", s.initval());
    }

    private static void list(NfNet nf, List<String> rest, boolean names, boolean terse, boolean save,
                             StringBuilder out) {
        List<IpSet> sets = target(nf, rest, "list");
        boolean first = true;
        for (IpSet s : sets) {
            if (names) {
                out.append(s.name()).append('\n');
                continue;
            }
            if (save) {
                out.append("create ").append(s.name()).append(' ').append(s.typeName()).append(' ')
                        .append(header(s)).append('\n');
                for (String m : s.members()) {
                    out.append("add ").append(s.name()).append(' ').append(m).append('\n');
                }
                continue;
            }
            if (!first) {
                out.append('\n');
            }
            first = false;
            out.append("Name: ").append(s.name()).append('\n');
            out.append("Type: ").append(s.typeName()).append('\n');
            out.append("Revision: ").append(s.revision()).append('\n');
            out.append("Header: ").append(header(s)).append('\n');
            out.append("Size in memory: ").append(s.memSize()).append('\n');
            out.append("References: ").append(nf.setReferences(s)).append('\n');
            out.append("Number of entries: ").append(s.size()).append('\n');
            if (!terse) {
                out.append("Members:\n");
                for (String m : s.members()) {
                    out.append(m).append('\n');
                }
            }
        }
    }

    private static void destroy(NfNet nf, List<String> rest) {
        List<IpSet> sets = target(nf, rest, "destroy");
        for (IpSet s : sets) {
            if (nf.setReferences(s) > 0) {
                throw err("Set cannot be destroyed: it is in use by a kernel component");
            }
        }
        for (IpSet s : sets) {
            nf.ipsets().remove(s);
        }
    }

    private static void rename(NfNet nf, List<String> rest) {
        if (rest.size() < 2) {
            throw usage("Missing " + (rest.isEmpty() ? "" : "second ") + "mandatory argument to command rename");
        }
        IpSet s = get(nf, rest.get(0));
        if (nf.ipsets().get(rest.get(1)).isPresent()) {
            throw err("Set cannot be renamed: a set with the new name already exists");
        }
        if (nf.setReferences(s) > 0) {
            throw err("Set cannot be renamed: it is in use by a kernel component");
        }
        nf.ipsets().rename(s, rest.get(1));
    }

    private static void swap(NfNet nf, List<String> rest) {
        if (rest.size() < 2) {
            throw usage("Missing " + (rest.isEmpty() ? "" : "second ") + "mandatory argument to command swap");
        }
        IpSet a = get(nf, rest.get(0));
        IpSet b = get(nf, rest.get(1));
        if (!a.typeName().equals(b.typeName())) {
            throw err("The sets cannot be swapped: their type does not match");
        }
        throw err("The sets cannot be swapped: swapping is not supported by the simulator");
    }
}
