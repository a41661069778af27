package io.nssim.netfilter.xt;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Why a table operation failed, in the two shapes iptables-nft reports: a command the backend refused before
 * talking to the kernel ({@code nft_strerror}: "No chain/target/match by that name"), or an nf_tables batch
 * operation the kernel rejected ({@code RULE_APPEND failed (Invalid argument): rule in chain INPUT}).
 *
 * @param message  the {@code nft_strerror} text without the final period (USER), or the strerror (KERNEL)
 * @param dmesg    whether iptables adds "Run `dmesg' for more information." (errno EINVAL)
 * @param op       the nf_tables batch operation (KERNEL), e.g. "RULE_APPEND", "CHAIN_DEL"
 * @param object   what it was about (KERNEL), e.g. "rule in chain INPUT", "chain A"
 */
public record XtError(Kind kind, String message, boolean dmesg, String op, String object) {
    /** Refused by the backend or by the kernel batch. */
    public enum Kind { USER, KERNEL }

    public XtError {
        checkNotNull(kind, "kind");
        checkNotNull(message, "message");
    }

    public static XtError user(String message) {
        return new XtError(Kind.USER, message, false, null, null);
    }

    public static final XtError NO_CHAIN = user("No chain/target/match by that name");
    public static final XtError BAD_RULE = user("Bad rule (does a matching rule exist in that chain?)");
    public static final XtError CHAIN_EXISTS = user("Chain already exists");
    public static final XtError FILE_EXISTS = user("File exists");
    public static final XtError BAD_BUILTIN = user("Bad built-in chain name");
    public static final XtError BAD_POLICY = new XtError(Kind.USER, "Bad policy name", true, null, null);
    public static final XtError INSERT_TOO_BIG = user("Index of insertion too big");
    public static final XtError REPLACE_TOO_BIG = user("Index of replacement too big");
    public static final XtError DELETE_TOO_BIG = user("Index of deletion too big");

    /** EINVAL: "Invalid argument". */
    public static final String EINVAL = "Invalid argument";
    /** EBUSY: "Device or resource busy". */
    public static final String EBUSY = "Device or resource busy";
    /** EMLINK: "Too many links" (jump depth or loop from a base chain). */
    public static final String EMLINK = "Too many links";
    /** ENOENT. */
    public static final String ENOENT = "No such file or directory";

    public static XtError kernel(String op, String strerror, String object) {
        return new XtError(Kind.KERNEL, strerror, false, op, object);
    }

    /** "RULE_APPEND failed (Invalid argument): rule in chain INPUT". */
    public String kernelText() {
        return op + " failed (" + message + "): " + object;
    }
}
