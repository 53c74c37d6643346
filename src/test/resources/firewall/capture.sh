#!/bin/sh
# Regenerates the ruleset fixtures of RulesetFixtureTest: each scenario is applied with the real nft,
# iptables (nf_tables backend), iptables-legacy or ufw inside a private network namespace (and, for ufw, a
# private mount namespace over /etc/ufw), then listed. Run as root from this directory: sh capture.sh
set -e
here=$(pwd)
capture() { # name, commands
    name=$1; shift
    unshare -n sh -ec "ip link set lo up; ip addr add 10.200.0.1/32 dev lo; $*
        nft -j list ruleset > '$here/$name.json'; nft -a list ruleset > '$here/$name.txt' 2>/dev/null
        if iptables-nft-save 2>/dev/null | grep -q '^-A'; then iptables-nft-save > '$here/$name.iptables-save'; fi
        if [ -n \"\$(cat /proc/net/ip_tables_names)\" ]; then iptables-legacy-save > '$here/$name.legacy-save'; fi"
}
capture nft-drop 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy accept; }"
    nft add rule inet filter input ct state established,related accept
    nft add rule inet filter input tcp dport 4317 drop'
capture nft-reject-reset 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy accept; }"
    nft add set inet filter otlp "{ type inet_service; elements = { 4317, 4318 }; }"
    nft add rule inet filter input tcp dport @otlp reject with tcp reset'
capture nft-reject-admin 'nft add table inet fw
    nft add chain inet fw input "{ type filter hook input priority 0; policy accept; }"
    nft add rule inet fw input ip daddr 10.200.0.0/24 tcp dport { 4000-4400 } counter reject with icmpx type admin-prohibited
    nft add table ip6 fw6
    nft add chain ip6 fw6 input "{ type filter hook input priority 0; policy accept; }"
    nft add rule ip6 fw6 input tcp dport 4317 reject with icmpv6 type admin-prohibited'
capture nft-other-port-and-address 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy accept; }"
    nft add rule inet filter input tcp dport 4318 drop
    nft add rule inet filter input ip daddr 10.9.9.9 tcp dport 4317 drop
    nft add rule inet filter input udp dport 4317 drop
    nft add rule inet filter input ip6 daddr ::1 tcp dport 4317 drop'
capture nft-user-chain 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy accept; }"
    nft add chain inet filter otlp
    nft add rule inet filter input meta l4proto tcp jump otlp
    nft add rule inet filter otlp ip daddr != 10.200.0.1 return
    nft add rule inet filter otlp tcp dport 4317 reject'
capture nft-policy-drop 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy drop; }"
    nft add rule inet filter input ct state established,related accept
    nft add rule inet filter input tcp dport 22 accept'
capture nft-unknown-expression 'nft add table inet filter
    nft add chain inet filter input "{ type filter hook input priority filter; policy accept; }"
    nft add rule inet filter input tcp dport 4317 limit rate 10/second accept
    nft add rule inet filter input tcp dport 9999 meta skuid 1000 accept
    nft add rule inet filter input tcp dport 4317 drop'
capture nft-dnat 'nft add table ip nat
    nft add chain ip nat output "{ type nat hook output priority -100; policy accept; }"
    nft add chain ip nat prerouting "{ type nat hook prerouting priority dstnat; policy accept; }"
    nft add rule ip nat output ip daddr 10.200.0.1 tcp dport 4317 dnat to 172.17.0.2:4317
    nft add rule ip nat prerouting tcp dport 4318 dnat to 172.17.0.2:4318'
capture iptables-nft-drop 'iptables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    iptables -A INPUT -d 10.200.0.1/32 -p tcp -m tcp --dport 4317 -j DROP'
capture iptables-nft-reject 'iptables -A INPUT -p tcp -m multiport --dports 4317,4318 -m comment --comment "otlp closed" -j REJECT --reject-with tcp-reset'
capture docker-dnat 'iptables -t nat -N DOCKER
    iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
    iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
    iptables -t nat -A DOCKER -i docker0 -j RETURN
    iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 4317 -j DNAT --to-destination 172.17.0.2:4317'
capture legacy-reject 'iptables-legacy -A INPUT -p tcp -m tcp --dport 4317 -j REJECT
    iptables-legacy -A INPUT -p tcp -m tcp --dport 4318 -j DROP'
# firewalld 1.x (nftables backend) as its documentation and source lay it out: table inet firewalld, chain
# filter_INPUT at priority filter + 10 (lo and established accepted, zones, then reject). Not the real daemon
# (it needs D-Bus); the chains and rules mirror what it creates for the public zone with ssh allowed.
capture firewalld-like 'nft add table inet firewalld
    nft add chain inet firewalld filter_INPUT "{ type filter hook input priority filter + 10; policy accept; }"
    nft add chain inet firewalld filter_INPUT_ZONES
    nft add chain inet firewalld filter_IN_public
    nft add chain inet firewalld filter_IN_public_allow
    nft add rule inet firewalld filter_INPUT ct state { established, related } accept
    nft add rule inet firewalld filter_INPUT ct status dnat accept
    nft add rule inet firewalld filter_INPUT iifname "lo" accept
    nft add rule inet firewalld filter_INPUT jump filter_INPUT_ZONES
    nft add rule inet firewalld filter_INPUT ct state { invalid } drop
    nft add rule inet firewalld filter_INPUT reject with icmpx type admin-prohibited
    nft add rule inet firewalld filter_INPUT_ZONES iifname "eth0" goto filter_IN_public
    nft add rule inet firewalld filter_INPUT_ZONES goto filter_IN_public
    nft add rule inet firewalld filter_IN_public jump filter_IN_public_allow
    nft add rule inet firewalld filter_IN_public meta l4proto { icmp, ipv6-icmp } accept
    nft add rule inet firewalld filter_IN_public_allow tcp dport 22 ct state { new, untracked } accept'
# The same without the lo exemption, so a local connection meets the zone's reject.
capture firewalld-like-no-lo 'nft add table inet firewalld
    nft add chain inet firewalld filter_INPUT "{ type filter hook input priority filter + 10; policy accept; }"
    nft add chain inet firewalld filter_INPUT_ZONES
    nft add chain inet firewalld filter_IN_public
    nft add rule inet firewalld filter_INPUT ct state { established, related } accept
    nft add rule inet firewalld filter_INPUT jump filter_INPUT_ZONES
    nft add rule inet firewalld filter_INPUT reject with icmpx type admin-prohibited
    nft add rule inet firewalld filter_INPUT_ZONES goto filter_IN_public
    nft add rule inet firewalld filter_IN_public tcp dport 22 accept'
# ufw itself (Debian's ufw 0.36), enabled in the namespace with a private copy of /etc/ufw.
if command -v ufw > /dev/null; then
    tmp=$(mktemp -d); cp -a /etc/ufw "$tmp/ufw"
    unshare -n -m sh -c "mount --bind '$tmp/ufw' /etc/ufw; ip link set lo up; ip addr add 10.200.0.1/32 dev lo
        ufw --force enable > /dev/null; ufw deny 4317/tcp > /dev/null; ufw reject 4318/tcp > /dev/null
        nft -j list ruleset > '$here/ufw.json'; nft -a list ruleset > '$here/ufw.txt' 2>/dev/null
        iptables-nft-save > '$here/ufw.iptables-save'; ip6tables-nft-save > '$here/ufw.ip6tables-save'"
    rm -rf "$tmp"
fi
