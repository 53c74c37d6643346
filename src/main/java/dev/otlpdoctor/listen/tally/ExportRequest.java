package dev.otlpdoctor.listen.tally;

import com.google.protobuf.Message;
import dev.otlpdoctor.otlp.Signal;
import java.util.List;
import java.util.function.Supplier;

/**
 * One accepted export request as listen counts it: its items and its resources. The decoded message
 * itself is only made when something asks for it ({@code --jsonl}): counting reads the protobuf wire
 * format directly ({@link OtlpWire}), without building the message.
 *
 * @param message the {@code Export*ServiceRequest}, decoded on demand
 */
public record ExportRequest(List<Item> items, List<OtlpItems.ResourceView> resources, Supplier<Message> message) {
    /** From a message already decoded (OTLP/JSON). */
    public static ExportRequest of(Signal signal, Message request) {
        return new ExportRequest(OtlpItems.of(signal, request), OtlpItems.resources(signal, request), () -> request);
    }
}
