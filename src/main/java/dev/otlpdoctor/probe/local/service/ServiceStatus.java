package dev.otlpdoctor.probe.local.service;

import java.time.Instant;
import java.util.List;

/**
 * The collector's service as its manager sees it, for the diagnosis: is it up, how often it restarted,
 * and the error it stopped with.
 *
 * @param manager {@code systemd}, {@code docker} or {@code kubernetes}
 * @param name the unit or container name
 * @param state the manager's words, e.g. {@code failed/failed (Result=exit-code, status=1)}
 * @param down whether it is not running because it exited (failed, restarting, exited with an error)
 * @param restarts how often the manager restarted it
 * @param since when it last stopped (down) or started (up), or null
 * @param configs the {@code --config} values it is started with
 * @param startupError the error it stopped with (a rejected config, a port in use, a failed start, an OOM kill),
 *     or null when it runs or none was recognised
 * @param messages every recognised message of its last run
 */
public record ServiceStatus(String manager, String name, String state, boolean down, int restarts, Instant since,
                            List<String> configs, Message startupError, List<Message> messages) {
    public ServiceStatus {
        configs = List.copyOf(configs);
        messages = List.copyOf(messages);
    }

    /**
     * One recognised message.
     *
     * @param kind what it says
     * @param line the log line, redacted
     * @param time when it was written, or null
     * @param source where it was read
     * @param location {@code file:line} of the config the message points at, or null
     */
    public record Message(MessageKind kind, String line, Instant time, String source, String location) {
    }
}
