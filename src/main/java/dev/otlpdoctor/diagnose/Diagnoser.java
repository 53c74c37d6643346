package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.TargetResult;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.RunCodes;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Correlates the findings of a run into the most likely root cause. The rules are tried in order,
 * most specific first; docs/diagnosis.md lists them with the evidence each needs.
 */
public final class Diagnoser {
    /**
     * The rules in path order: the name, the packet filter, the socket (where the collector listens, who
     * holds the port), the process (running at all, with a config it can load), the receiver and protocol,
     * the pipelines, the exporters. The first rule that recognises its pattern names the first broken hop;
     * what is broken further along follows as "also check".
     */
    private static final List<DiagnosisRule> RULES = List.of(
            new OutsideClusterRule(),
            new FirewallOnPathRule(),
            new PortConflictRule(),
            new SocketElsewhereRule(),
            new CollectorExitedRule(),
            new ConfigCauseRule(),
            RefusedWithLocalCauseRule.notRunning(),
            RefusedWithLocalCauseRule.noOtlpListener(),
            new LocalFirewallRule(),
            NothingListensRule.refused(),
            NothingListensRule.dropped(),
            new CodePriorityRule(),
            new SignalsNotAcceptedRule(),
            new ExporterFailingRule(),
            new ReceiverRefusingRule(),
            new WorstFindingRule());

    /** The rules in the order they are tried (docs/diagnosis.md is generated from them). */
    public static List<RuleDoc> rules() {
        return RULES.stream().map(DiagnosisRule::doc).toList();
    }

    /**
     * The status, root cause and verdict of one target. Proof outranks inference: a target whose every
     * endpoint accepted every requested signal is at worst {@code warn}, and one without that proof is
     * {@code fail} even when no probe failed ({@code run.not-proven}).
     */
    public TargetVerdict diagnose(Target target, List<ProbeRun> runs, PathFacts facts) {
        RunEvidence evidence = new RunEvidence(List.of(target), runs, facts);
        Optional<Diagnosis> diagnosis = rootCause(evidence);
        if (!runs.isEmpty() && runs.stream().allMatch(r -> r.status() == Severity.SKIP)) {
            return new TargetVerdict(Severity.SKIP, diagnosis.orElse(null), passVerdict(runs));
        }
        Severity worst = Severity.PASS;
        for (ProbeRun run : runs) {
            if (run.status().atLeast(Severity.WARN)) {
                worst = Severity.worst(worst, run.status());
            }
        }
        Proof proof = Proof.of(target, runs, facts.signals());
        if (proof.complete()) {
            Severity capped = worst == Severity.FAIL ? Severity.WARN : worst;
            return new TargetVerdict(capped, diagnosis.orElse(null),
                    diagnosis.map(Diagnosis::title).orElseGet(() -> passVerdict(runs)));
        }
        Diagnosis cause = diagnosis.orElseGet(() -> notProven(evidence, proof));
        return new TargetVerdict(Severity.FAIL, cause, cause.title());
    }

    private static Optional<Diagnosis> rootCause(RunEvidence evidence) {
        if (evidence.worst() == null) {
            return Optional.empty();
        }
        for (DiagnosisRule rule : RULES) {
            Optional<Diagnosis> diagnosis = rule.diagnose(evidence);
            if (diagnosis.isPresent()) {
                return diagnosis;
            }
        }
        return Optional.empty();
    }

    /** Nothing failed, yet nothing proved the target: say what is missing and what stopped the proof. */
    private static Diagnosis notProven(RunEvidence evidence, Proof proof) {
        List<String> why = evidence.findings(RunCodes.PROBE_SKIPPED).stream()
                .map(f -> f.endpoint() + ": " + f.title())
                .distinct()
                .toList();
        Finding finding = RunCodes.NOT_PROVEN.finding().param("missing", proof.missing()).build();
        String summary = "No probe failed, but no accepted export proves " + proof.missing() + "."
                + (why.isEmpty() ? "" : " What stopped the proof: " + String.join("; ", why) + ".");
        return new Diagnosis(finding.code(), finding.title(), summary, finding.remediation(),
                alsoCheck(evidence, RunCodes.NOT_PROVEN));
    }

    /**
     * The one-line verdict of a run without a diagnosis: what was proven — which signals an endpoint
     * accepted over which protocol, else which endpoints accept connections.
     */
    public String passVerdict(List<ProbeRun> probes) {
        if (!probes.isEmpty() && probes.stream().allMatch(p -> p.status() == Severity.SKIP)) {
            return "not checked: " + probes.get(0).findings().get(0).evidence().getOrDefault("reason", "skipped");
        }
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        probes.stream().flatMap(p -> p.findings().stream())
                .filter(f -> f.entry() == OtlpCodes.OTLP_OK)
                .forEach(f -> accepted.computeIfAbsent(f.evidence().get("protocol") + " at " + f.endpoint(),
                        k -> new ArrayList<>()).add(String.valueOf(f.evidence().get("signal"))));
        if (!accepted.isEmpty()) {
            return accepted.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue()) + " accepted over " + e.getKey())
                    .collect(Collectors.joining("; "));
        }
        List<String> open = probes.stream()
                .flatMap(p -> p.findings().stream())
                .filter(f -> f.entry() == NetworkCodes.TCP_OPEN)
                .map(Finding::endpoint)
                .distinct()
                .toList();
        return open.isEmpty() ? "no problem found" : String.join(", ", open) + " accept" + (open.size() == 1 ? "s" : "")
                + " connections";
    }

    /** The verdict of a run over several targets: how many failed, and the first one's cause. */
    public static String fleetVerdict(List<TargetResult> results) {
        List<TargetResult> bad = results.stream()
                .filter(r -> r.status() == Severity.FAIL || r.status() == Severity.SKIP).toList();
        List<TargetResult> warned = results.stream().filter(r -> r.status() == Severity.WARN).toList();
        if (bad.isEmpty()) {
            return "all " + results.size() + " targets reachable"
                    + (warned.isEmpty() ? "" : " (" + warned.size() + " with warnings)");
        }
        TargetResult first = bad.get(0);
        return bad.size() + " of " + results.size() + " targets failed; first: " + first.target().input() + ": "
                + first.verdict();
    }

    /** The other fail and warn codes of the run, most severe first, without the diagnosed one. */
    static List<String> alsoCheck(RunEvidence evidence, CatalogEntry diagnosed) {
        List<Finding> others = new ArrayList<>(evidence.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.WARN) && f.entry() != diagnosed)
                .toList());
        others.sort((a, b) -> b.severity().compareTo(a.severity()));
        return others.stream().map(Finding::code).distinct().collect(Collectors.toList());
    }
}
