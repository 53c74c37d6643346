package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import java.util.List;

/** What the collector's own HTTP answers look like, to tell them from a proxy's or another server's. */
final class HttpAnswers {
    /** Bodies of the collector's OTLP/HTTP receiver (otlphttp.go) and of Go's ServeMux for unknown paths. */
    private static final List<String> COLLECTOR_BODIES = List.of(
            "method not allowed, supported: [POST]",
            "unsupported media type, supported: [application/json, application/x-protobuf]",
            "404 page not found");

    private HttpAnswers() {
    }

    static boolean looksLikeOtlpHttp(String body) {
        return COLLECTOR_BODIES.stream().anyMatch(body::contains);
    }

    static Finding notOtlp(ProbeContext context, String what, String answer, String path, String detail) {
        return ProtocolCodes.PROTOCOL_NOT_OTLP.finding()
                .evidence("what", what)
                .evidence("answer", answer)
                .param("path", path)
                .param("url", (context.endpoint().tls() ? "https://" : "http://") + context.endpoint().label() + path)
                .detail(detail)
                .build();
    }
}
