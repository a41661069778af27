/**
 * GNU coreutils 9.1 as nssim has them: the text filters ({@code wc head tail sort uniq cut tr tee cat seq}), the
 * path and environment tools ({@code basename dirname env date yes timeout id}), and the file tools ({@code ls
 * stat readlink touch mkdir rm}), all reading and writing through the simulated file system. Messages are those
 * of the C locale ({@code 'x'}, not curly quotes), as the conformance recorder runs with {@code LC_ALL=C}.
 */
package io.nssim.userland.coreutils;
