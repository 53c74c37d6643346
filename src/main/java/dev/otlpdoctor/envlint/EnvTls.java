package dev.otlpdoctor.envlint;

import dev.otlpdoctor.target.ExporterTls;
import dev.otlpdoctor.target.SignalExporter;

/**
 * Whether an exporter uses TLS and why, as the env renderers show it. The rule itself is
 * {@link SignalExporter#tls()} (one for check, env and env --check); this view exists only so the renderers,
 * which another change owns, need no edit: inline it there.
 *
 * @param enabled whether TLS is used
 * @param reason why, in a phrase
 */
public record EnvTls(boolean enabled, String reason) {

    public static EnvTls of(SignalExporter signal) {
        ExporterTls tls = signal.tls();
        return new EnvTls(tls.enabled(), tls.reason());
    }
}
