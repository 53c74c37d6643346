package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.LocalCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.ServiceCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Connections were refused (or no collector runs) and the collector's service manager says it exited:
 * the error it exited with, read from its own log, is the cause — more than "not running". A port the log
 * says was already in use is compared with what the conflict probe sees on that port now: agreement is
 * stated, a disagreement (nothing, or a collector, holds it now) is reported rather than hidden.
 */
final class CollectorExitedRule implements DiagnosisRule {
    /** What the collector refuses while decoding the file, before it validates the config as a whole. */
    private static final List<CatalogEntry> DECODED_FIRST = List.of(ConfigCodes.INVALID_KEY, ConfigCodes.WRONG_TYPE,
            ConfigCodes.DURATION_UNIT, ConfigCodes.ENUM_VALUE);

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        Optional<Finding> down = evidence.findings(ServiceCodes.SERVICE_DOWN).stream()
                .filter(f -> f.severity() == Severity.FAIL).findFirst();
        boolean refusedOrAbsent = !evidence.findings(NetworkCodes.TCP_REFUSED).isEmpty()
                || evidence.findings(LocalCodes.PROCESS_NOT_RUNNING).stream().anyMatch(f -> f.severity() == Severity.FAIL);
        if (down.isEmpty() || !refusedOrAbsent) {
            return Optional.empty();
        }
        Finding service = down.get();
        Optional<Finding> cause = evidence.findings().stream()
                .filter(f -> f.code().equals(service.evidence().get("errorCode"))).findFirst();
        if (cause.isEmpty()) {
            // The log says nothing recognisable (rotated, unreadable, or silent): the unit's own config may.
            Optional<Finding> config = unitConfigError(evidence, service);
            if (config.isPresent()) {
                return Optional.of(fromConfig(evidence, service, config.get()));
            }
        }
        Object error = service.evidence().get("error");
        Object location = service.evidence().get("location");
        String title = "the collector " + service.evidence().get("summary")
                + (error == null ? "" : ": " + messageOf(String.valueOf(error)))
                + (location == null ? "" : " — " + location);
        StringBuilder summary = new StringBuilder(service.detail());
        if (cause.isPresent() && cause.get().entry() == ServiceCodes.LOG_ADDRESS_IN_USE) {
            summary.append(' ').append(portAgreement(evidence, cause.get()));
        }
        // The cause's own fix, then where to read the rest of the log; without a recognised cause, the service's steps.
        List<String> steps = new ArrayList<>(cause.map(Finding::remediation).orElse(service.remediation()));
        if (cause.isPresent() && !service.remediation().isEmpty()) {
            steps.add(service.remediation().get(0));
        }
        String code = cause.map(Finding::code).orElse(service.code());
        return Optional.of(new Diagnosis(code, title, summary.toString(), steps,
                Diagnoser.alsoCheck(evidence, cause.map(Finding::entry).orElse(service.entry()))));
    }

    /**
     * A config finding of this unit's ExecStart config that the collector refuses at start; the one it meets
     * first: decoding the file into the component structs (keys, types, values) comes before validating the
     * whole (pipelines, references).
     */
    private static Optional<Finding> unitConfigError(RunEvidence evidence, Finding service) {
        Object unit = service.evidence().get("name");
        return evidence.findings().stream()
                .filter(f -> f.severity() == Severity.FAIL && ConfigCodes.PREVENTS_START.contains(f.entry()))
                .filter(f -> unit != null && unit.equals(f.evidence().get("service")))
                .min(Comparator.comparing(f -> DECODED_FIRST.contains(f.entry()) ? 0 : 1));
    }

    private static Diagnosis fromConfig(RunEvidence evidence, Finding service, Finding config) {
        Object file = config.evidence().get("file");
        String at = file == null ? "" : " — " + file + ":" + config.evidence().get("line");
        String title = "the collector " + service.evidence().get("summary") + ": " + config.title() + at;
        String summary = service.detail() + " Its config, which the next start reads too, says why: "
                + (config.detail().isEmpty() ? config.title() : config.detail());
        List<String> steps = new ArrayList<>(config.remediation());
        if (!service.remediation().isEmpty()) {
            steps.add(service.remediation().get(0));
        }
        return new Diagnosis(config.code(), title, summary, steps, Diagnoser.alsoCheck(evidence, config.entry()));
    }

    /** What the conflict probe sees on the port the log named: the same owner, or not. */
    private static String portAgreement(RunEvidence evidence, Finding inUse) {
        String address = String.valueOf(inUse.evidence().getOrDefault("address", ""));
        String port = address.substring(address.lastIndexOf(':') + 1);
        Optional<Finding> holder = evidence.findings(LocalCodes.BIND_PORT_CONFLICT).stream()
                .filter(f -> port.equals(String.valueOf(f.evidence().get("port")))).findFirst();
        if (holder.isPresent()) {
            return "The conflict probe agrees: " + holder.get().detail();
        }
        boolean portChecked = evidence.findings().stream().anyMatch(f -> f.entry() == LocalCodes.BIND_NO_LISTENER
                && port.equals(String.valueOf(f.evidence().get("port"))));
        return portChecked
                ? "The conflict probe disagrees: nothing listens on port " + port + " now, so the program that held it "
                        + "has stopped since; starting the collector again may succeed."
                : "The conflict probe does not confirm it: it sees no other program on port " + port
                        + " now (another collector instance, a program that stopped since, or one it may not see without root).";
    }

    /** The message of a console-encoded log line without its time, level and caller columns. */
    private static String messageOf(String line) {
        String[] f = line.split("\t");
        String text = f.length >= 4 ? f[3] : line;
        return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.PROCESS, "the collector's service exited, and its log says why",
                "`service.down` at `fail` (systemd, Docker) with `tcp.refused` or `process.not-running`; an `address "
                        + "already in use` in the log is compared with `bind.port-conflict` for that port",
                "the `collector-log.*` code of the error it exited with; when its log says nothing recognisable, the "
                        + "`config.*` finding of the unit's own `ExecStart` config that prevents start; else `service.down`");
    }
}
