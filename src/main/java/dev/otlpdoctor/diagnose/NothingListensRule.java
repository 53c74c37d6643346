package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every port of a target gave the same TCP answer on every address — all refused, or all dropped.
 * Then the cause is the target as a whole (nothing runs there, or a firewall sits in front), which one
 * sentence about all its ports says better than the first failed port alone.
 */
final class NothingListensRule implements DiagnosisRule {
    private final CatalogEntry code;
    private final String verb;

    private NothingListensRule(CatalogEntry code, String verb) {
        this.code = code;
        this.verb = verb;
    }

    static NothingListensRule refused() {
        return new NothingListensRule(NetworkCodes.TCP_REFUSED, "nothing listens on");
    }

    static NothingListensRule dropped() {
        return new NothingListensRule(NetworkCodes.TCP_TIMEOUT, "no answer (packets dropped) from");
    }

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Target target : evidence.targets()) {
            if (!evidence.everyEndpoint(target, "tcp", code)) {
                continue;
            }
            List<Finding> found = target.endpoints().stream()
                    .flatMap(e -> evidence.findings("tcp", e).stream()).toList();
            String ports = target.endpoints().stream()
                    .map(e -> e.label() + portRole(e))
                    .collect(Collectors.joining(" or "));
            String addresses = found.stream().map(f -> String.valueOf(f.evidence().get("address")))
                    .distinct().collect(Collectors.joining(", "));
            String summary = code == NetworkCodes.TCP_REFUSED
                    ? "Every connection to " + target.host() + " (" + addresses + ") was refused at once: the host "
                            + "is reachable, but no program listens on " + ports + "."
                    : "No connection attempt to " + target.host() + " (" + addresses + ") was answered before the "
                            + "deadline: something drops the packets (a firewall, a security group, a NetworkPolicy) "
                            + "or no host has that address.";
            Finding first = found.get(0);
            return Optional.of(new Diagnosis(code.code(), verb + " " + ports, summary, first.remediation(),
                    Diagnoser.alsoCheck(evidence, code)));
        }
        return Optional.empty();
    }

    private static String portRole(Endpoint endpoint) {
        switch (endpoint.transport()) {
            case GRPC:
                return " (OTLP/gRPC)";
            case HTTP:
                return " (OTLP/HTTP)";
            default:
                return "";
        }
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(code == NetworkCodes.TCP_TIMEOUT ? Hop.FIREWALL : Hop.SOCKET, verb + " every port of a target",
                "every `tcp` finding of every endpoint of one target is `" + code.code() + "`",
                "`" + code.code() + "`, about the target as a whole");
    }
}
