package dev.otlpdoctor.probe.local.service;

import java.time.Instant;

/**
 * One line the collector wrote, as its service manager or container runtime kept it.
 *
 * @param time when it was written (the journal's or runtime's timestamp), or null when not known
 * @param text the line as written, not yet redacted
 * @param source where it was read, e.g. {@code journalctl -u otelcol-contrib.service} or a log file path
 */
public record LogLine(Instant time, String text, String source) {
}
