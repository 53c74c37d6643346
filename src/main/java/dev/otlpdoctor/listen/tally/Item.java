package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.otlp.Signal;
/**
 * One received span, metric data point or log record, reduced to what the live view shows: the
 * {@code service.name} of its resource, its name (span name, metric name, log severity) and, for log
 * records, the start of the body.
 */
public record Item(Signal signal, String service, String name, String detail) {
}
