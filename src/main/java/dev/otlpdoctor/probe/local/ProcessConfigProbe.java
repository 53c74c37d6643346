package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.LintInput;
import dev.otlpdoctor.lint.Linter;
import dev.otlpdoctor.lint.yaml.YamlReader;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.LocalCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lints the configuration a running collector was started with: the {@code --config} files the process
 * probe found, read through {@code /proc/PID/root} (so a containerised collector's file is read as the
 * container sees it). Its findings are the same as {@code otlpdoctor lint}'s, so the diagnosis can say
 * "the running collector's config has no http protocol" when 4318 is refused. Values from {@code env:}
 * and {@code yaml:} URIs are not linted (only files are), and {@code ${env:…}} references are left unset:
 * the process's environment may hold secrets and is not read. It needs no passing process probe: a
 * collector that runs but opened no OTLP port is exactly when its config matters.
 */
public final class ProcessConfigProbe extends LocalProbe {
    private static final ProbeInfo INFO = ProbeInfo.of("process-config", Scope.TARGET)
            .observes("the `--config` files of each collector process found, read through `/proc/PID/root` as the process's user could, and linted as `otlpdoctor lint` does (local targets only)")
            .reports("config.*", "local.unreadable");

    @Override
    public ProbeInfo info() {
        return INFO;
    }

    public ProcessConfigProbe(HostFs fs) {
        super(fs);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        Optional<Set<CollectorProcess>> onPath = context.facts().get(ProcessProbe.ON_PATH);
        for (CollectorProcess collector : context.facts().get(ProcessProbe.COLLECTORS).orElse(List.of())) {
            String offPath = onPath.map(on -> on.contains(collector)).orElse(true) ? null
                    : "This is the config of pid " + collector.process().pid() + ", which is not on the target's "
                            + "path (another collector serves its ports, or it runs in another network namespace): "
                            + "context only.";
            List<LintInput> inputs = new ArrayList<>();
            boolean changedSinceStart = false;
            for (ConfigArgument config : collector.configs()) {
                String file = config.filePath();
                if (file == null) {
                    continue;
                }
                String name = file + " (pid " + collector.process().pid() + ")";
                Path path = fs.file(collector.hostPathOf(file));
                Optional<String> refusal = OwnerAccess.refusal(fs, collector.process(), path);
                if (refusal.isPresent()) {
                    findings.add(unreadable(collector, file, "not read: " + refusal.get()));
                    continue;
                }
                try {
                    inputs.add(new LintInput(name, YamlReader.readFile(path)));
                    changedSinceStart |= modifiedAfter(path, collector.details().started());
                } catch (InvalidInputException e) {
                    findings.add(unreadable(collector, file, e.getMessage()));
                }
            }
            if (inputs.isEmpty()) {
                continue;
            }
            try {
                // Several --config files merge in order, as the collector merges them; the rules follow the
                // release the running binary was built from, when it says (else the newest).
                boolean changed = changedSinceStart;
                CollectorRelease release = CollectorRelease.ofBinary(
                        fs.proc(Integer.toString(collector.process().pid()), "exe"), "the running binary").orElse(null);
                new Linter(Map.of(), CollectorRelease.rules(release)).lint(inputs).findings().forEach(f -> findings.add(
                        CollectorRelease.mark(asContext(asRunning(f, collector, changed), offPath), release)));
            } catch (InvalidInputException e) {
                findings.add(unreadable(collector, inputs.get(0).name(), e.getMessage()));
            }
        }
    }

    /** A finding about an off-path collector's config is context: information, never the target's problem. */
    private static Finding asContext(Finding finding, String offPath) {
        if (offPath == null || !finding.severity().atLeast(Severity.WARN)) {
            return finding;
        }
        return finding.withSeverity(Severity.INFO, offPath);
    }

    /**
     * A config finding that says the collector cannot start is disproved, for now, by the collector running:
     * the file changed after it started (it runs an earlier version, and its next restart fails), or its
     * release still accepts this (a release that enforces it will not start). Either way a warning.
     */
    private static Finding asRunning(Finding finding, CollectorProcess collector, boolean changedSinceStart) {
        if (finding.severity() != Severity.FAIL || !ConfigCodes.PREVENTS_START.contains(finding.entry())) {
            return finding;
        }
        String pid = "pid " + collector.process().pid();
        return finding.withSeverity(Severity.WARN, changedSinceStart
                ? "Yet " + pid + " runs: the file changed after it started, so it runs an earlier version, and its "
                        + "next restart will fail with this."
                : "Yet " + pid + " runs with this config, so its release still loads it; a release that enforces "
                        + "this will refuse to start.");
    }

    /** Whether the file was written after the process started (both known). */
    private static boolean modifiedAfter(Path path, Instant started) {
        try {
            return started != null && Files.getLastModifiedTime(path).toInstant().isAfter(started);
        } catch (IOException e) {
            return false;
        }
    }

    private static Finding unreadable(CollectorProcess collector, String file, String why) {
        return LocalCodes.LOCAL_UNREADABLE.finding()
                .param("what", "the config of collector pid " + collector.process().pid() + " (" + file + ")")
                .evidence("pid", collector.process().pid())
                .evidence("config", file)
                .detail("Its --config " + file + " could not be linted: " + why + ". Lint it by hand: "
                        + "otlpdoctor lint " + file)
                .build();
    }
}
