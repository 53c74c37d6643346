package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.TargetResult;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Correlates the findings of a run into the most likely root cause. The rules are tried in order,
 * most specific first; docs/diagnosis.md lists them with the evidence each needs.
 */
public final class Diagnoser {
    private static final List<DiagnosisRule> RULES = List.of(
            new ConfigCauseRule(),
            new PortConflictRule(),
            new LocalhostOnlyRule(),
            new CollectorExitedRule(),
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

    /** The diagnosis, or empty when no finding is {@code warn} or worse. */
    public Optional<Diagnosis> diagnose(List<Target> targets, List<ProbeRun> probes) {
        RunEvidence evidence = new RunEvidence(targets, probes);
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
