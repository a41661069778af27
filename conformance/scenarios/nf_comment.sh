# Pins down: -m comment: the comment as -S, -L -n (/* ... */) and iptables-save print it, quoted
# when it has spaces, single quotes escaped with a backslash; an empty comment; a comment longer
# than 255 characters is silently cut to 255; --comment is required.
iptables -A INPUT -p icmp -m comment --comment "allow ping" -j ACCEPT
iptables -A INPUT -m comment --comment single -j ACCEPT
iptables -A INPUT -s 10.0.0.1 -m comment --comment "a 'quoted' word" -j DROP
iptables -A INPUT -m comment --comment "" -j ACCEPT
iptables -S INPUT
iptables -L INPUT -n
iptables-save -t filter
iptables -A INPUT -m comment --comment "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345" -j ACCEPT
iptables -S INPUT 5
iptables -A INPUT -m comment -j ACCEPT
