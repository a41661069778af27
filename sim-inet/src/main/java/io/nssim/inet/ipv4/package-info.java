/**
 * IPv4, per network namespace: the {@link io.nssim.inet.ipv4.Inet} module (pernet state
 * {@link io.nssim.inet.ipv4.Ipv4Net}), devices' IPv4 state and addresses ({@code devinet.c}), the FIB with
 * longest-prefix match over an immutable snapshot ({@code fib_*.c}), routing decisions ({@code route.c}), ARP
 * and neighbour states in virtual time ({@code arp.c}, {@code neighbour.c}), the receive, forward and output
 * paths with netfilter hook points ({@code ip_input.c}, {@code ip_forward.c}, {@code ip_output.c},
 * {@code ip_fragment.c}), ICMP ({@code icmp.c}), UDP and ICMP echo sockets ({@code udp.c}, {@code ping.c}), the
 * {@code net.ipv4.*} sysctls, and the ping command's engine.
 */
package io.nssim.inet.ipv4;
