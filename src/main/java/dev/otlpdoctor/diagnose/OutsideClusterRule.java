package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.K8sLiveCodes;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.util.Optional;

/**
 * A Service's cluster DNS name did not resolve, and this is not a pod: the name hop is broken only because
 * the check runs outside the cluster. The way in (port-forward, or a Job in the cluster) is the fix, not
 * the spelling of the name.
 */
final class OutsideClusterRule implements DiagnosisRule {
    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        // What kubectl showed of the Service (no endpoints, a selector that matches nothing) is a real fault
        // on the path; being outside the cluster only limits what this machine can see.
        boolean serviceFault = evidence.findings().stream()
                .anyMatch(f -> f.code().startsWith("k8s.") && f.severity() == Severity.FAIL);
        if (serviceFault) {
            return Optional.empty();
        }
        for (Finding outside : evidence.findings(K8sLiveCodes.OUTSIDE_CLUSTER)) {
            Object host = outside.evidence().get("host");
            boolean unresolved = evidence.findings().stream()
                    .anyMatch(f -> (f.entry() == NetworkCodes.DNS_UNRESOLVED || f.entry() == NetworkCodes.DNS_TIMEOUT)
                            && host != null && host.equals(f.evidence().get("host")));
            if (unresolved) {
                String summary = host + " is a cluster DNS name, served to pods only; this machine is not in the "
                        + "cluster, so the name does not resolve here. That says nothing about the collector: probe it "
                        + "through the Service from here, or from inside the cluster.";
                return Optional.of(new Diagnosis(outside.code(), outside.title(), summary, outside.remediation(),
                        Diagnoser.alsoCheck(evidence, outside.entry())));
            }
        }
        return Optional.empty();
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.NAME, "outside the cluster", "`k8s.outside-cluster` (this is not a pod) and `dns.unresolved` or "
                + "`dns.timeout` for the Service's cluster name, while kubectl showed no fault of the Service (no `k8s.*` at `fail`)", "`k8s.outside-cluster`, with the port-forward to use");
    }
}
