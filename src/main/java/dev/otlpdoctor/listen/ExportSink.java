package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import com.google.protobuf.Message;
import dev.otlpdoctor.target.Protocol;

/** Where the OTLP servers hand what they receive. Implementations are thread-safe and never throw. */
interface ExportSink {
    /** A decoded export request ({@code Export*ServiceRequest} of {@code signal}) from {@code client}. */
    void accept(Signal signal, Protocol protocol, String client, Message request);

    /** A request refused before it reached {@link #accept}; {@code reason} is a short kebab-case label. */
    void reject(String reason);
}
