package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.otlp.Signal;

/** Where the OTLP servers hand what they receive. Implementations are thread-safe and never throw. */
public interface ExportSink {
    /** An export request ({@code Export*ServiceRequest} of {@code signal}) that decoded. */
    void accept(Signal signal, Arrival arrival, ExportRequest request);

    /** A request refused before it reached {@link #accept}. */
    void reject(Rejection rejection);

    /** A connection that spoke the wrong protocol for its port. */
    void misdirected(Misdirection misdirection);

    /** A connection closed before any request, by a limit ({@code connection-cap}). */
    void refused(String reason, String client);
}
