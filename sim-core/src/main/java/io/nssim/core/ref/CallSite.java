package io.nssim.core.ref;

import io.nssim.core.ipnetns.NetnsNames;
import java.util.Set;

/**
 * The Java call site that took or put a reference: the first frames outside the reference primitive itself
 * ({@link RefCount}, {@link RefToken}, this class) and the kernel verbs that merely forward to it
 * ({@code getNet}, {@code putNet}, ...), innermost first, e.g.
 * {@code "TaskTable.exit:181 < NetnsNames.add:163 < CliMain.run:40"}.
 */
final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Set<String> PLUMBING = Set.of(RefCount.class.getName(), RefToken.class.getName(),
            CallSite.class.getName());
    /** The kernel's reference verbs that only forward to {@link RefCount}: their callers are the real sites. */
    private static final Set<String> FORWARDERS = Set.of("io.nssim.core.Kernel", "io.nssim.core.net.NetNamespaces");
    private static final Set<String> VERBS = Set.of("getNet", "maybeGetNet", "putNet", "passiveInc", "passiveDec");
    private static final int DEPTH = 3;

    /** The frames captured, innermost first; formatted only when someone reads the site. */
    private final StackWalker.StackFrame[] frames;
    private String text;

    private CallSite(StackWalker.StackFrame[] frames) {
        this.frames = frames;
    }

    /**
     * The caller's site. Only the frames are taken here (a reference is taken far more often than a report
     * names its site); {@link #toString} formats them the first time it is asked.
     */
    static CallSite capture() {
        return new CallSite(WALKER.walk(frames -> frames
                .filter(f -> !PLUMBING.contains(f.getClassName())
                        && !(FORWARDERS.contains(f.getClassName()) && VERBS.contains(f.getMethodName())))
                .limit(DEPTH)
                .toArray(StackWalker.StackFrame[]::new)));
    }

    static String of() {
        return capture().toString();
    }

    /** {@code "TaskTable.exit:181 < NetnsNames.add:163 < CliMain.run:40"}. */
    @Override
    public synchronized String toString() {
        if (text == null) {
            StringBuilder sb = new StringBuilder();
            for (StackWalker.StackFrame f : frames) {
                if (sb.length() > 0) {
                    sb.append(" < ");
                }
                sb.append(simpleName(f.getClassName())).append('.').append(f.getMethodName()).append(':')
                        .append(f.getLineNumber());
            }
            text = sb.toString();
        }
        return text;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
