package io.nssim.userland.cmd;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * procps-ng 4.0.2's {@code sysctl} on the process's network namespace: {@code sysctl KEY...} ("KEY = VALUE";
 * a directory key lists what is under it), {@code -n} (values only), {@code -N} (names only), {@code -w} (or any
 * argument with '='), {@code -q}, {@code -e}, {@code -b}, {@code -a}. The simulated /proc/sys holds only the
 * namespace's {@code net.*} keys, so any other key does not exist. Errors and status as procps prints them:
 * {@code sysctl: cannot stat /proc/sys/KEY: No such file or directory}, {@code sysctl: setting key "KEY":
 * Invalid argument}, {@code sysctl: command line(0): invalid syntax, continuing...}, all with status 1.
 */
public final class Sysctl implements Program {
    static final String USAGE = """

            Usage:
             sysctl [options] [variable[=value] ...]

            Options:
              -a, --all            display all variables
              -A                   alias of -a
              -X                   alias of -a
                  --deprecated     include deprecated parameters to listing
              -b, --binary         print value without new line
              -e, --ignore         ignore unknown variables errors
              -N, --names          print variable names without values
              -n, --values         print only values of the given variable(s)
              -p, --load[=<file>]  read values from file
              -f                   alias of -p
                  --system         read values from all system directories
              -r, --pattern <expression>
                                   select setting that match expression
              -q, --quiet          do not echo variable set
              -w, --write          enable writing a value to variable
              -o                   does nothing
              -x                   does nothing
              -d                   alias of -h

             -h, --help     display this help and exit
             -V, --version  output version information and exit

            For more details see sysctl(8).
            """;

    private boolean all;
    private boolean binary;
    private boolean ignore;
    private boolean namesOnly;
    private boolean valuesOnly;
    private boolean quiet;
    private boolean write;
    private Proc proc;

    @Override
    public Outcome run(Proc p, List<String> argv) {
        Sysctl s = new Sysctl();
        s.proc = p;
        return Outcome.exit(s.main(argv.subList(1, argv.size())));
    }

    private void out(String s) {
        proc.out().print(s);
    }

    private int main(List<String> args) {
        List<String> operands = new ArrayList<>();
        boolean opts = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!opts || !a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            if (a.equals("--")) {
                opts = false;
                continue;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                switch (name) {
                    case "all" -> all = true;
                    case "binary" -> binary = true;
                    case "ignore" -> ignore = true;
                    case "names" -> namesOnly = true;
                    case "values" -> valuesOnly = true;
                    case "quiet" -> quiet = true;
                    case "write" -> write = true;
                    case "deprecated" -> {
                    }
                    case "help" -> {
                        out(USAGE);
                        return 0;
                    }
                    case "version" -> {
                        out("sysctl from procps-ng 4.0.2\n");
                        return 0;
                    }
                    default -> {
                        if (name.equals("load") || name.startsWith("load=") || name.equals("system")
                                || name.equals("pattern")) {
                            out("nssim: sysctl --" + name + " is not simulated (no configuration files)\n");
                            return 1;
                        }
                        out("sysctl: unrecognized option '" + a + "'\n" + USAGE);
                        return 1;
                    }
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                switch (c) {
                    case 'a', 'A', 'X' -> all = true;
                    case 'b' -> binary = true;
                    case 'e' -> ignore = true;
                    case 'N' -> namesOnly = true;
                    case 'n' -> valuesOnly = true;
                    case 'q' -> quiet = true;
                    case 'w' -> write = true;
                    case 'o', 'x' -> {
                    }
                    case 'h', 'd' -> {
                        out(USAGE);
                        return 0;
                    }
                    case 'V' -> {
                        out("sysctl from procps-ng 4.0.2\n");
                        return 0;
                    }
                    case 'p', 'f', 'r' -> {
                        out("nssim: sysctl -" + c + " is not simulated (no configuration files)\n");
                        return 1;
                    }
                    default -> {
                        out("sysctl: invalid option -- '" + c + "'\n" + USAGE);
                        return 1;
                    }
                }
            }
        }
        Net net = proc.task().net();
        if (all) {
            for (Map.Entry<String, String> e : sortedEntries(net, "")) {
                show(e.getKey(), e.getValue());
            }
            return 0;
        }
        if (operands.isEmpty()) {
            out("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
            return 1;
        }
        int status = 0;
        for (String a : operands) {
            int r = write || a.indexOf('=') >= 0 ? writeSetting(net, a) : readSetting(net, a);
            if (r != 0) {
                status = 1;
            }
        }
        return status;
    }

    /**
     * procps's {@code slashdot}: keys may use '.' or '/' as separator; the first separator decides which form
     * the name is in, and '.' and '/' are swapped to get the other one.
     */
    static String swapSeparators(String name, char from) {
        int first = -1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.' || name.charAt(i) == '/') {
                first = i;
                break;
            }
        }
        if (first < 0 || name.charAt(first) != from) {
            return name;
        }
        char to = from == '.' ? '/' : '.';
        StringBuilder sb = new StringBuilder(name);
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == from) {
                sb.setCharAt(i, to);
            } else if (sb.charAt(i) == to) {
                sb.setCharAt(i, from);
            }
        }
        return sb.toString();
    }

    private void show(String key, String value) {
        if (namesOnly) {
            out(key + "\n");
        } else if (valuesOnly) {
            out(binary ? value : value + "\n");
        } else {
            out(binary ? value : key + " = " + value + "\n");
        }
    }

    /** The (key, value) pairs under {@code prefix} ("" for all), in /proc/sys's order: by path component. */
    private static List<Map.Entry<String, String>> sortedEntries(Net net, String prefix) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : net.sysctls().snapshot().entrySet()) {
            if (prefix.isEmpty() || e.getKey().startsWith(prefix)) {
                out.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        out.sort((x, y) -> Arrays.compare(x.getKey().split("\\."), y.getKey().split("\\.")));
        return out;
    }

    private int readSetting(Net net, String name) {
        if (name.isEmpty()) {
            out("sysctl: \"\" is an unknown key\n");
            return 1;
        }
        String path = "/proc/sys/" + swapSeparators(name, '.');
        String outName = swapSeparators(name, '/');
        ProcFs.Node n = ProcFs.lookup(net, path);
        if (n instanceof ProcFs.Missing) {
            if (ignore) {
                return 0;
            }
            out("sysctl: cannot stat " + path + ": No such file or directory\n");
            return 1;
        }
        if (n instanceof ProcFs.Dir) {
            String key = ProcFs.sysctlKey(ProcFs.normalise(path)).orElse("") + ".";
            for (Map.Entry<String, String> e : sortedEntries(net, key)) {
                show(e.getKey(), e.getValue());
            }
            return 0;
        }
        String text = ((ProcFs.File) n).text();
        show(outName, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        return 0;
    }

    /** procps's {@code parse_setting_line} and {@code WriteSetting} for one {@code KEY=VALUE} of the command line. */
    private int writeSetting(Net net, String setting) {
        int eq = setting.indexOf('=');
        if (eq < 0) {
            out("sysctl: command line(0): invalid syntax, continuing...\n");
            return 1;
        }
        String name = setting.substring(0, eq).strip();
        String value = setting.substring(eq + 1).strip();
        if (name.isEmpty()) {
            out("sysctl: command line(0): invalid syntax, continuing...\n");
            return 1;
        }
        boolean ignoreThis = ignore;
        if (name.startsWith("-")) {
            ignoreThis = true;
            name = name.substring(1);
        }
        String path = "/proc/sys/" + swapSeparators(name, '.');
        String outName = swapSeparators(name, '/');
        ProcFs.Node n = ProcFs.lookup(net, path);
        if (n instanceof ProcFs.Missing) {
            if (ignoreThis) {
                return 0;
            }
            out("sysctl: cannot stat " + path + ": No such file or directory\n");
            return 1;
        }
        if (n instanceof ProcFs.Dir) {
            out("sysctl: setting key \"" + outName + "\": Is a directory\n");
            return 1;
        }
        String key = ProcFs.sysctlKey(ProcFs.normalise(path)).orElseThrow();
        Result<Void> r = net.sysctls().write(key, value);
        if (r.isErr()) {
            out("sysctl: setting key \"" + outName + "\": " + r.error().errno().strerror() + "\n");
            return 1;
        }
        if (!quiet) {
            if (namesOnly) {
                out(outName + "\n");
            } else if (valuesOnly) {
                out(value + "\n");
            } else {
                out(outName + " = " + value + "\n");
            }
        }
        return 0;
    }
}
