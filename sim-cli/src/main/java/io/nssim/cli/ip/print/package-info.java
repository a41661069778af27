/**
 * iproute2's output: {@code json_print.c} on a Jackson generator ({@link io.nssim.cli.ip.print.JsonPrint}, with
 * the {@code -p} layout of {@code json_writer.c}), and {@code print_linkinfo} in text, one-line, brief and JSON
 * forms ({@link io.nssim.cli.ip.print.LinkPrinter}).
 */
package io.nssim.cli.ip.print;
