package io.nssim.check;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands a {@link Lab} ran, as a script {@code ./nssim run FILE} runs: one simple command per line, in
 * the shell subset of conformance/README.md. Steps that no command can express are {@code # nssim: ...}
 * comments, which the script runner skips: a script with comments documents those steps but does not redo them.
 */
public final class Script {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:%+=@,^-]+");

    private final ImmutableList<Step> steps;

    Script(List<Step> steps) {
        this.steps = ImmutableList.copyOf(steps);
    }

    public ImmutableList<Step> steps() {
        return steps;
    }

    /** The lines, comments included. */
    public ImmutableList<String> lines() {
        return steps.stream().map(Step::line).collect(ImmutableList.toImmutableList());
    }

    /** The lines a shell runs (comments left out). */
    public ImmutableList<String> commandLines() {
        return steps.stream().filter(s -> s.kind() != Step.Kind.COMMENT).map(Step::line)
                .collect(ImmutableList.toImmutableList());
    }

    /** Whether every step is a real command, so that running the script redoes all of them. */
    public boolean isComplete() {
        return steps.stream().noneMatch(s -> s.kind() == Step.Kind.COMMENT);
    }

    public int size() {
        return steps.size();
    }

    /** The script as a file's text, one line each, with a header saying how to run it. */
    public String text() {
        StringBuilder sb = new StringBuilder("# reproduce with: ./nssim run FILE\n");
        for (Step s : steps) {
            sb.append(s.line()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /** A word as the script needs it: as is when plain, else in single (or, holding one, double) quotes. */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        return "\"" + word + "\"";
    }

    /** Words joined with single spaces, each {@linkplain #quote quoted} as needed. */
    public static String words(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
