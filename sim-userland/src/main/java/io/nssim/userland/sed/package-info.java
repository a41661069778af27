/**
 * GNU sed 4.9 ({@link io.nssim.userland.sed.Sed}), with GNU regex through {@link io.nssim.userland.grep.PosixRegex}.
 */
package io.nssim.userland.sed;
