/**
 * GNU grep ({@link io.nssim.userland.grep.Grep}) and the POSIX regular expressions of GNU's regex as grep, sed
 * and awk read them, translated to {@code java.util.regex} ({@link io.nssim.userland.grep.PosixRegex}).
 */
package io.nssim.userland.grep;
