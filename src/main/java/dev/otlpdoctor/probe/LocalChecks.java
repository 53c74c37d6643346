package dev.otlpdoctor.probe;

/** Whether the local probes (processes, sockets, firewall of this machine) run: {@code --local}, {@code --no-local}. */
public enum LocalChecks {
    /** When the target is this machine by its name or address. */
    AUTO,
    /** Always: the target is this machine, whatever its name ({@code --local}). */
    ALWAYS,
    /** Never ({@code --no-local}): look at the network only. */
    NEVER
}
