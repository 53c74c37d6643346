package dev.otlpdoctor.listen.tally;

import com.google.protobuf.Message;
import dev.otlpdoctor.otlp.Signal;

/** Where the OTLP servers hand what they receive. Implementations are thread-safe and never throw. */
public interface ExportSink {
    /** A decoded export request ({@code Export*ServiceRequest} of {@code signal}). */
    void accept(Signal signal, Arrival arrival, Message request);

    /** A request refused before it reached {@link #accept}. */
    void reject(Rejection rejection);

    /** A connection that spoke the wrong protocol for its port. */
    void misdirected(Misdirection misdirection);

    /** A connection closed before any request, by a limit ({@code connection-cap}). */
    void refused(String reason, String client);
}
