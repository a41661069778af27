package io.nssim.userland.shell;

import io.nssim.core.fs.Vfs;
import io.nssim.core.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * bash's patterns (pathexp.c, strmatch): {@code * ? [...]} with {@code \} quoting, as regular expressions,
 * and pathname expansion against the simulated file system, sorted in the C locale's byte order.
 */
final class Glob {
    private Glob() {
    }

    /** Patterns with more characters than this are refused rather than compiled. */
    private static final int MAX_PATTERN = 10_000;

    static Pattern regex(String pat) {
        return Pattern.compile(toRegex(pat), Pattern.DOTALL);
    }

    static String toRegex(String pat) {
        if (pat.length() > MAX_PATTERN) {
            return Pattern.quote(pat);
        }
        StringBuilder r = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            char c = pat.charAt(i);
            if (c == '\\' && i + 1 < n) {
                r.append(Pattern.quote(String.valueOf(pat.charAt(i + 1))));
                i += 2;
                continue;
            }
            if (c == '*') {
                r.append(".*");
            } else if (c == '?') {
                r.append('.');
            } else if (c == '[') {
                int j = i + 1;
                if (j < n && (pat.charAt(j) == '!' || pat.charAt(j) == '^')) {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    if (pat.charAt(j) == '[' && j + 1 < n && pat.charAt(j + 1) == ':') {
                        int e = pat.indexOf(":]", j + 2);
                        if (e > 0) {
                            j = e + 2;
                            continue;
                        }
                    }
                    j++;
                }
                if (j >= n) {
                    r.append("\\[");
                } else {
                    r.append(bracket(pat.substring(i + 1, j)));
                    i = j + 1;
                    continue;
                }
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return r.toString();
    }

    private static String bracket(String body) {
        StringBuilder r = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            r.append('^');
            i = 1;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '[' && body.startsWith("[:", i)) {
                int e = body.indexOf(":]", i + 2);
                if (e > 0) {
                    String cls = body.substring(i + 2, e);
                    r.append(switch (cls) {
                        case "alpha" -> "a-zA-Z";
                        case "digit" -> "0-9";
                        case "alnum" -> "a-zA-Z0-9";
                        case "upper" -> "A-Z";
                        case "lower" -> "a-z";
                        case "space" -> " \\t\\n\\r\\f\\x0B";
                        case "blank" -> " \\t";
                        case "punct" -> "\\p{Punct}";
                        case "xdigit" -> "0-9A-Fa-f";
                        default -> "";
                    });
                    i = e + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < body.length()) {
                r.append('\\').append(body.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '-' && i > 0 && i + 1 < body.length()) {
                r.append('-');
            } else if ("[]^&\\-".indexOf(c) >= 0) {
                r.append('\\').append(c);
            } else {
                r.append(c);
            }
            i++;
        }
        return r.append(']').toString();
    }

    /** Whether {@code s} matches the whole {@code pattern}. */
    static boolean matches(String pattern, String s) {
        return regex(pattern).matcher(s).matches();
    }

    private static boolean hasMeta(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Pathname expansion of {@code pattern} for {@code task}; {@code cwd} resolves relative patterns. */
    static List<String> expand(Vfs fs, Task task, String cwd, String pattern) {
        boolean absolute = pattern.startsWith("/");
        String[] comps = pattern.split("/", -1);
        List<String> paths = new ArrayList<>();
        paths.add(absolute ? "/" : "");
        for (int k = absolute ? 1 : 0; k < comps.length; k++) {
            String comp = comps[k];
            boolean last = k == comps.length - 1;
            List<String> next = new ArrayList<>();
            for (String p : paths) {
                if (comp.isEmpty()) {
                    if (last) {
                        next.add(p.endsWith("/") ? p : p + "/");
                    }
                    continue;
                }
                String join = p.isEmpty() ? "" : p.endsWith("/") ? p : p + "/";
                if (!hasMeta(comp)) {
                    String cand = join + unescape(comp);
                    if (fs.stat(task, resolve(cwd, cand), false).isOk()) {
                        next.add(cand);
                    }
                    continue;
                }
                var entries = fs.readdir(task, resolve(cwd, p.isEmpty() ? "." : p));
                if (entries.isErr()) {
                    continue;
                }
                Pattern re = regex(comp);
                List<String> names = new ArrayList<>();
                for (Vfs.DirEntry e : entries.get()) {
                    if (e.name().startsWith(".") && !comp.startsWith(".") && !comp.startsWith("\\.")) {
                        continue;
                    }
                    if (re.matcher(e.name()).matches()) {
                        names.add(e.name());
                    }
                }
                names.sort(null);
                for (String nm : names) {
                    String cand = join + nm;
                    if (!last) {
                        var st = fs.stat(task, resolve(cwd, cand), true);
                        if (st.isErr() || st.get().type() != Vfs.FileType.DIRECTORY) {
                            continue;
                        }
                    }
                    next.add(cand);
                }
            }
            paths = next;
            if (paths.isEmpty()) {
                break;
            }
        }
        if (!hasMetaAnywhere(pattern)) {
            return List.of();
        }
        return paths;
    }

    private static boolean hasMetaAnywhere(String p) {
        return hasMeta(p);
    }

    static String resolve(String cwd, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        if (path.isEmpty() || path.equals(".")) {
            return cwd;
        }
        return (cwd.endsWith("/") ? cwd : cwd + "/") + path;
    }
}
