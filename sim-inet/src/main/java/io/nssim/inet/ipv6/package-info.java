/**
 * net/ipv6 beside {@code io.nssim.inet.ipv4}: the {@link io.nssim.inet.ipv6.Ipv6} module (addrconf's pernet
 * ops and netdevice notifier), per-net {@link io.nssim.inet.ipv6.Ipv6Net} and per-device
 * {@link io.nssim.inet.ipv6.Inet6Dev} state, addresses with DAD in virtual time, the IPv6 FIB and the
 * {@code net.ipv6.*} sysctls. Neighbour discovery, ICMPv6 and the IPv6 packet path are not modelled yet.
 */
package io.nssim.inet.ipv6;
