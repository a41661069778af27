/**
 * Reference counting with a tracker, the kernel's {@code refcount_t} plus {@code ref_tracker}: every hold
 * returns a {@link io.nssim.core.ref.RefToken} naming its holder, so a leak can say who still holds what and
 * a double put can say where both puts happened.
 */
package io.nssim.core.ref;
