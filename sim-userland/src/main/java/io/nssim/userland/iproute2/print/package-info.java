/**
 * iproute2's output: {@code json_print.c} on a Jackson generator ({@link io.nssim.userland.iproute2.print.JsonPrint}, with
 * the {@code -p} layout of {@code json_writer.c}), and {@code print_linkinfo} in text, one-line, brief and JSON
 * forms ({@link io.nssim.userland.iproute2.print.LinkPrinter}), {@code print_addrinfo}
 * ({@link io.nssim.userland.iproute2.print.AddrPrinter}) and {@code print_route} for routes and {@code ip route get}
 * ({@link io.nssim.userland.iproute2.print.RoutePrinter}).
 */
package io.nssim.userland.iproute2.print;
