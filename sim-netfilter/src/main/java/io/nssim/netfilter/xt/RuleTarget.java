package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;

/**
 * What a rule does when it matches: nothing (no {@code -j}), a standard verdict, a jump or goto to a user
 * chain, or a target extension.
 */
public final class RuleTarget {
    /** The kinds; NONE counts the packet and goes on. */
    public enum Kind { NONE, ACCEPT, DROP, RETURN, JUMP, GOTO, EXTENSION }

    public static final RuleTarget NONE = new RuleTarget(Kind.NONE, null, null);
    public static final RuleTarget ACCEPT = new RuleTarget(Kind.ACCEPT, null, null);
    public static final RuleTarget DROP = new RuleTarget(Kind.DROP, null, null);
    public static final RuleTarget RETURN = new RuleTarget(Kind.RETURN, null, null);

    private final Kind kind;
    private final String chain;
    private final XtTarget extension;

    private RuleTarget(Kind kind, String chain, XtTarget extension) {
        this.kind = kind;
        this.chain = chain;
        this.extension = extension;
    }

    public static RuleTarget jump(String chain) {
        return new RuleTarget(Kind.JUMP, checkNotNull(chain, "chain"), null);
    }

    public static RuleTarget goTo(String chain) {
        return new RuleTarget(Kind.GOTO, checkNotNull(chain, "chain"), null);
    }

    public static RuleTarget extension(XtTarget t) {
        return new RuleTarget(Kind.EXTENSION, null, checkNotNull(t, "target"));
    }

    /** A standard verdict by name: ACCEPT, DROP, RETURN; null for anything else. */
    public static RuleTarget standard(String name) {
        return switch (name) {
            case "ACCEPT" -> ACCEPT;
            case "DROP" -> DROP;
            case "RETURN" -> RETURN;
            default -> null;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The chain of a JUMP or GOTO, else null. */
    public String chain() {
        return chain;
    }

    public XtTarget extension() {
        return extension;
    }

    public boolean isChain() {
        return kind == Kind.JUMP || kind == Kind.GOTO;
    }

    /** The target column of {@code iptables -L}: "" for none. */
    public String columnName() {
        return switch (kind) {
            case NONE -> "";
            case ACCEPT, DROP, RETURN -> kind.name();
            case JUMP, GOTO -> chain;
            case EXTENSION -> extension.name();
        };
    }

    /** The same jump or goto to a renamed chain. */
    public RuleTarget renamed(String newChain) {
        return new RuleTarget(kind, newChain, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleTarget t && kind == t.kind && Objects.equals(chain, t.chain)
                && Objects.equals(extension, t.extension);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, chain, extension);
    }
}
