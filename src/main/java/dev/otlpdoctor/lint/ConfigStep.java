package dev.otlpdoctor.lint;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.yaml.YamlReader;
import dev.otlpdoctor.report.ProbeRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code config} step of {@code check --config}: the same lint as {@code otlpdoctor lint}, reported as
 * one run-level probe so that the diagnosis can tie config findings to what the network probes saw. It
 * runs before the network probes: an unreadable or invalid file is an input error (exit 2), not a finding.
 */
public final class ConfigStep {
    public static final String ID = "config";

    private ConfigStep() {
    }

    public static ProbeRun run(List<Path> files, Map<String, String> env, CollectorVersion version) {
        long start = System.nanoTime();
        List<LintInput> inputs = files.stream()
                .map(f -> new LintInput(f.toString(), YamlReader.readFile(f))).toList();
        LintResult result = new Linter(env, version).lint(inputs);
        String label = String.join(", ", result.files());
        return ProbeRun.of(ID, label, (System.nanoTime() - start) / 1_000_000,
                result.findings().stream().map(f -> f.attributedTo(ID, null)).toList());
    }
}
