package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.testing.ProbeHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local probes of the chain, in chain order, against a host tree and a target, without the network
 * probes: what they found and the facts they left for later probes.
 */
record LocalRun(List<Finding> findings, Facts facts, List<String> probesRun) {

    static LocalRun of(HostFs fs, String target, boolean local, Duration deadline) {
        ProbeContext context = ProbeHarness.context(target,
                ProbeSettings.builder().local(local ? LocalChecks.ALWAYS : LocalChecks.AUTO).build(), deadline);
        List<Finding> findings = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (Probe probe : List.<Probe>of(new ProcessProbe(fs), new BindingProbe(fs), new ConflictProbe(fs),
                new FirewallProbe(fs))) {
            if (probe.appliesTo(context)) {
                ran.add(probe.id());
                try {
                    probe.run(context, f -> findings.add(f.attributedTo(probe.id(), context.label())));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new LocalRun(findings, context.facts(), ran);
    }

    static LocalRun of(HostFs fs, String target) {
        return of(fs, target, false, Duration.ofSeconds(20));
    }

    List<Finding> all(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    Finding one(String code) {
        List<Finding> found = all(code);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + code + " finding, got " + found.size() + ": " + findings);
        }
        return found.get(0);
    }

    Finding one(String code, String endpoint) {
        return findings.stream().filter(f -> f.code().equals(code) && endpoint.equals(f.endpoint())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " for " + endpoint + ": " + findings));
    }
}
