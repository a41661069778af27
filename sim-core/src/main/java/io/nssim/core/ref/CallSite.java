package io.nssim.core.ref;

import java.util.stream.Collectors;

/** The Java call site that took or put a reference: the first frames outside the engine's own plumbing. */
final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {
    }

    static String of() {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("io.nssim.core.ref."))
                .limit(3)
                .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.joining(" < ")));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
