package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;

/**
 * A destination-NAT rule that sends connections for an address and port of this machine elsewhere (a
 * published container port: Docker, podman with netavark, kube-proxy's NodePort and hostPort).
 *
 * @param port the port the application connects to
 * @param toAddress where the connection really goes
 * @param toPort the port there
 * @param rule the rule
 */
public record Dnat(int port, InetAddress toAddress, int toPort, FirewallRule rule) {
}
