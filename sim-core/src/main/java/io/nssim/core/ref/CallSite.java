package io.nssim.core.ref;

import java.util.Set;
import java.util.stream.Collectors;

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

    private CallSite() {
    }

    static String of() {
        return WALKER.walk(frames -> frames
                .filter(f -> !PLUMBING.contains(f.getClassName())
                        && !(FORWARDERS.contains(f.getClassName()) && VERBS.contains(f.getMethodName())))
                .limit(3)
                .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.joining(" < ")));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
