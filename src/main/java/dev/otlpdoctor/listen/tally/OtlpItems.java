package dev.otlpdoctor.listen.tally;

import com.google.protobuf.Message;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flattens an OTLP export request into its items: spans, metric data points, log records. */
public final class OtlpItems {
    /** What the view shows for a resource without the {@code service.name} attribute. */
    public static final String NO_SERVICE = "(no service.name)";
    private static final int MAX_DETAIL = 120;
    /** Longest name or attribute value kept: a client must not make one key of the tally huge. */
    static final int MAX_NAME = 256;
    /** Most resource attributes and scope names kept per resource. */
    static final int MAX_ATTRIBUTES = 64;

    /**
     * One resource of a request, as the application view shows it.
     *
     * @param attributes its attributes as text, at most {@link #MAX_ATTRIBUTES}, values cut to {@link #MAX_NAME}
     * @param scopes     the instrumentation scope names under it
     * @param items      its spans, data points or log records
     */
    public record ResourceView(String service, String instanceId, Map<String, String> attributes, Set<String> scopes,
                        long items) {
    }

    private OtlpItems() {
    }

    public static List<Item> of(Signal signal, Message request) {
        return switch (signal) {
            case TRACES -> traces((ExportTraceServiceRequest) request);
            case METRICS -> metrics((ExportMetricsServiceRequest) request);
            case LOGS -> logs((ExportLogsServiceRequest) request);
        };
    }

    private static List<Item> traces(ExportTraceServiceRequest request) {
        List<Item> items = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            String service = serviceName(rs.getResource());
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (Span span : ss.getSpansList()) {
                    items.add(new Item(Signal.TRACES, service, name(span.getName()), ""));
                }
            }
        }
        return items;
    }

    private static List<Item> metrics(ExportMetricsServiceRequest request) {
        List<Item> items = new ArrayList<>();
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            String service = serviceName(rm.getResource());
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric metric : sm.getMetricsList()) {
                    int points = dataPoints(metric);
                    String name = name(metric.getName());
                    for (int i = 0; i < points; i++) {
                        items.add(new Item(Signal.METRICS, service, name, ""));
                    }
                }
            }
        }
        return items;
    }

    private static int dataPoints(Metric metric) {
        return switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            case DATA_NOT_SET -> 0;
        };
    }

    private static List<Item> logs(ExportLogsServiceRequest request) {
        List<Item> items = new ArrayList<>();
        for (ResourceLogs rl : request.getResourceLogsList()) {
            String service = serviceName(rl.getResource());
            for (ScopeLogs sl : rl.getScopeLogsList()) {
                for (LogRecord log : sl.getLogRecordsList()) {
                    items.add(new Item(Signal.LOGS, service, name(severity(log)), truncate(text(log.getBody()))));
                }
            }
        }
        return items;
    }

    /** The severity text the application gave, else the name of the severity number (INFO, ERROR...). */
    static String severity(LogRecord log) {
        return severity(log.getSeverityText(), log.getSeverityNumber().name());
    }

    /** The same from the text and the name of the number ({@code SeverityNumber}, or UNRECOGNIZED). */
    static String severity(String text, String numberName) {
        if (!text.isEmpty()) {
            return text;
        }
        return numberName.startsWith("SEVERITY_NUMBER_") ? numberName.substring("SEVERITY_NUMBER_".length()) : numberName;
    }

    static String serviceName(Resource resource) {
        return serviceName(attributes(resource));
    }

    /** A resource attribute: its key as sent and its value as text (not yet cut). */
    record Attribute(String key, String value) {
    }

    private static List<Attribute> attributes(Resource resource) {
        List<Attribute> attributes = new ArrayList<>(resource.getAttributesCount());
        for (KeyValue attribute : resource.getAttributesList()) {
            attributes.add(new Attribute(attribute.getKey(), text(attribute.getValue())));
        }
        return attributes;
    }

    static String serviceName(List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            if (attribute.key().equals("service.name")) {
                return attribute.value().isEmpty() ? NO_SERVICE : name(attribute.value());
            }
        }
        return NO_SERVICE;
    }

    static String name(String name) {
        return TerminalText.bounded(name, MAX_NAME);
    }

    /** The resources of a request with their attributes, scope names and item counts. */
    public static List<ResourceView> resources(Signal signal, Message request) {
        List<ResourceView> out = new ArrayList<>();
        switch (signal) {
            case TRACES -> {
                for (ResourceSpans rs : ((ExportTraceServiceRequest) request).getResourceSpansList()) {
                    Set<String> scopes = new LinkedHashSet<>();
                    long items = 0;
                    for (ScopeSpans ss : rs.getScopeSpansList()) {
                        scope(scopes, ss.getScope().getName());
                        items += ss.getSpansCount();
                    }
                    out.add(view(rs.getResource(), scopes, items));
                }
            }
            case METRICS -> {
                for (ResourceMetrics rm : ((ExportMetricsServiceRequest) request).getResourceMetricsList()) {
                    Set<String> scopes = new LinkedHashSet<>();
                    long items = 0;
                    for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                        scope(scopes, sm.getScope().getName());
                        for (Metric metric : sm.getMetricsList()) {
                            items += dataPoints(metric);
                        }
                    }
                    out.add(view(rm.getResource(), scopes, items));
                }
            }
            case LOGS -> {
                for (ResourceLogs rl : ((ExportLogsServiceRequest) request).getResourceLogsList()) {
                    Set<String> scopes = new LinkedHashSet<>();
                    long items = 0;
                    for (ScopeLogs sl : rl.getScopeLogsList()) {
                        scope(scopes, sl.getScope().getName());
                        items += sl.getLogRecordsCount();
                    }
                    out.add(view(rl.getResource(), scopes, items));
                }
            }
        }
        return out;
    }

    static void scope(Set<String> scopes, String name) {
        if (scopes.size() < MAX_ATTRIBUTES) {
            scopes.add(name.isEmpty() ? "(no scope name)" : name(name));
        }
    }

    private static ResourceView view(Resource resource, Set<String> scopes, long items) {
        return view(attributes(resource), scopes, items);
    }

    static ResourceView view(List<Attribute> resource, Set<String> scopes, long items) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String instance = null;
        for (Attribute attribute : resource) {
            if (attributes.size() == MAX_ATTRIBUTES) {
                break;
            }
            String value = name(attribute.value());
            attributes.put(name(attribute.key()), value);
            if (attribute.key().equals("service.instance.id")) {
                instance = value;
            }
        }
        return new ResourceView(serviceName(resource), instance, attributes, scopes, items);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpItems::text).toList().toString();
            default -> "";
        };
    }

    static String truncate(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }
}
