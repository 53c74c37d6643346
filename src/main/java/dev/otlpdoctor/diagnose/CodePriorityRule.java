package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import dev.otlpdoctor.report.catalog.TlsCodes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Codes that, when present, explain the others of an endpoint, in order: the first of the list found at
 * {@code warn} or worse names the root cause. A table, because the reasoning is the same for each: a
 * TLS or protocol mix-up makes every export after it fail, so it comes before the exports' own codes.
 */
final class CodePriorityRule implements DiagnosisRule {
    /** One row: a code, and why it outranks what follows it. */
    record Row(CatalogEntry code, String why) {
    }

    static final List<Row> ROWS = List.of(
            new Row(TlsCodes.TLS_MISMATCH, "TLS on one side and plaintext on the other: nothing else can work"),
            new Row(ProtocolCodes.PROTOCOL_MISMATCH, "gRPC client on the HTTP port or the other way round"),
            new Row(TlsCodes.TLS_UNTRUSTED, "the client refuses the server's certificate"),
            new Row(TlsCodes.TLS_EXPIRED, "the server's certificate has expired"),
            new Row(TlsCodes.TLS_HOSTNAME_MISMATCH, "the certificate is for another name"),
            new Row(TlsCodes.TLS_CLIENT_CERT_REQUIRED, "the server wants a client certificate"),
            new Row(ProtocolCodes.PROTOCOL_NOT_OTLP, "something other than an OTLP receiver answers"),
            new Row(OtlpCodes.AUTH_REQUIRED, "the receiver wants credentials: every export is refused"));

    @Override
    public Optional<Diagnosis> diagnose(RunEvidence evidence) {
        for (Row row : ROWS) {
            Optional<Finding> found = evidence.findings(row.code()).stream()
                    .filter(f -> f.severity().atLeast(Severity.WARN))
                    .findFirst();
            if (found.isPresent()) {
                Finding f = found.get();
                boolean named = f.endpoint() == null || f.title().contains(f.endpoint());
                return Optional.of(new Diagnosis(f.code(), (named ? "" : f.endpoint() + ": ") + f.title(), f.detail(),
                        f.remediation(), Diagnoser.alsoCheck(evidence, f.entry())));
            }
        }
        return Optional.empty();
    }

    @Override
    public RuleDoc doc() {
        return new RuleDoc(Hop.RECEIVER, "mix-ups that explain everything after them",
                "the first of these codes found at `warn` or worse: " + ROWS.stream()
                        .map(r -> "`" + r.code().code() + "` (" + r.why() + ")")
                        .collect(Collectors.joining("; ")),
                "that code");
    }
}
