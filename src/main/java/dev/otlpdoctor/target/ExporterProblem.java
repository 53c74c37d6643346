package dev.otlpdoctor.target;

/**
 * A setting of an OTLP exporter that an SDK cannot use, as data: {@code env} reports it as a finding,
 * {@code check} (no TARGET) refuses to start with its message.
 *
 * @param option the option whose setting is unusable
 * @param setting the variable that set it
 * @param message one line naming the variable and what is wrong, never a secret value
 */
public record ExporterProblem(ExporterOption option, Setting setting, String message) {
}
