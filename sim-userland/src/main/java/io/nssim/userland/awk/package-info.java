/**
 * awk as Debian ships it (mawk 1.3.4): lexer, parser and a tree-walking interpreter ({@link io.nssim.userland.awk.Awk}).
 */
package io.nssim.userland.awk;
