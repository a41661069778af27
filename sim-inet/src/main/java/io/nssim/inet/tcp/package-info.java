/**
 * net/ipv4/tcp*.c and inet_connection_sock.c: TCP over IPv4 per network namespace. {@link Tcp} is the module
 * ({@code tcp_init}, {@code tcp_sk_ops}, the IPPROTO_TCP handler {@code tcp_v4_rcv}); {@link TcpTable} is one
 * net's bind, listening, established and TIME_WAIT hashes; {@link TcpSocket} a {@code struct tcp_sock} with the
 * RFC 9293 state machine as Linux runs it, its retransmission timer in virtual time and its user calls.
 */
package io.nssim.inet.tcp;
