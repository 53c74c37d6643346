package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.LintInput;
import dev.otlpdoctor.lint.Linter;
import dev.otlpdoctor.lint.yaml.YamlReader;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.local.CollectorRelease;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.LocalCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The config a stopped collector service starts with (a systemd unit's {@code ExecStart} {@code --config}
 * files, a Docker container's bind-mounted config),
 * linted as {@code otlpdoctor lint} does: when the collector does not run, no process shows its config, yet
 * that file is what the next start reads, so a key the collector refuses is named with its line. Files merge
 * in order, as the collector merges them; {@code ${env:…}} references are left unset (the unit's
 * environment may hold secrets and is not read).
 */
final class UnitConfigLint {
    private UnitConfigLint() {
    }

    static void lint(ObservedService unit, FindingSink findings) {
        List<LintInput> inputs = new ArrayList<>();
        for (ConfigLocator.ConfigFile file : unit.configFiles()) {
            try {
                inputs.add(new LintInput(file.shown(), YamlReader.readFile(file.onHost())));
            } catch (InvalidInputException e) {
                findings.add(unreadable(unit, file.shown(), e.getMessage()));
            }
        }
        if (inputs.isEmpty()) {
            return;
        }
        // The rules of the release it runs, when known: a key a newer release removed is still valid for an
        // older binary or image.
        try {
            for (Finding finding : new Linter(Map.of(), CollectorRelease.rules(unit.release())).lint(inputs).findings()) {
                findings.add(CollectorRelease.mark(finding.withEvidence("service", unit.name()), unit.release()));
            }
        } catch (InvalidInputException e) {
            findings.add(unreadable(unit, inputs.get(0).name(), e.getMessage()));
        }
    }

    private static Finding unreadable(ObservedService unit, String file, String why) {
        return LocalCodes.LOCAL_UNREADABLE.finding()
                .param("what", "the config of " + unit.name() + " (" + file + ")")
                .evidence("service", unit.name())
                .evidence("config", file)
                .detail("Its --config " + file + " could not be linted: " + why + ". Lint it by hand: otlpdoctor lint "
                        + file)
                .build();
    }
}
