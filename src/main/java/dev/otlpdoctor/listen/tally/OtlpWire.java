package dev.otlpdoctor.listen.tally;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an OTLP export request from its protobuf bytes straight into what listen counts (the same
 * {@link Item}s and resources as {@link OtlpItems} gives for the decoded message), without building the
 * message: decoding 512 spans into protobuf objects cost more CPU than everything else listen does with
 * a request (docs/performance.md).
 *
 * <p>It accepts and refuses the same bytes as protobuf-java's parser, so listen still answers a
 * malformed request as the collector does: every field is checked against the message's schema
 * (descriptors), strings must be UTF-8 (proto3), nesting is limited to protobuf's default of 100, a
 * field with an unexpected wire type is an unknown field, and repeated or merged fields combine as
 * protobuf combines them. {@code OtlpWireTest} compares both on generated and fuzzed requests.
 */
public final class OtlpWire {
    /** protobuf-java's default recursion limit ({@code CodedInputStream}). */
    private static final int RECURSION_LIMIT = 100;
    private static final int LD = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final Map<Descriptor, FieldDescriptor[]> FIELDS = new ConcurrentHashMap<>();

    private OtlpWire() {
    }

    /** The items and resources of an {@code Export*ServiceRequest} of {@code signal}. */
    public static ExportRequest read(Signal signal, byte[] bytes) throws InvalidProtocolBufferException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        Reader reader = new Reader(in, bytes, signal);
        try {
            reader.request();
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            // A byte array has no I/O of its own: anything else is malformed input too.
            throw new InvalidProtocolBufferException(e);
        }
        return new ExportRequest(reader.items, reader.resources, () -> decode(signal, bytes));
    }

    private static Message decode(Signal signal, byte[] bytes) {
        try {
            return switch (signal) {
                case TRACES -> ExportTraceServiceRequest.parseFrom(bytes);
                case METRICS -> ExportMetricsServiceRequest.parseFrom(bytes);
                case LOGS -> ExportLogsServiceRequest.parseFrom(bytes);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("protobuf refused bytes the wire reader accepted", e);
        }
    }

    private static int tag(int number, int wireType) {
        return number << 3 | wireType;
    }

    private static FieldDescriptor field(Descriptor type, int number) {
        FieldDescriptor[] byNumber = FIELDS.computeIfAbsent(type, OtlpWire::byNumber);
        return number < byNumber.length ? byNumber[number] : null;
    }

    private static FieldDescriptor[] byNumber(Descriptor type) {
        int max = type.getFields().stream().mapToInt(FieldDescriptor::getNumber).max().orElse(0);
        FieldDescriptor[] byNumber = new FieldDescriptor[max + 1];
        type.getFields().forEach(f -> byNumber[f.getNumber()] = f);
        return byNumber;
    }

    /** An {@code AnyValue} as parsed so far; parsing the same field again merges into it, as protobuf does. */
    private static final class Value {
        int kind;
        String string;
        boolean bool;
        long integer;
        double number;
        /** Kept once made: protobuf keeps the array's builder when another kind is set in between. */
        List<Value> array;

        String text() {
            return switch (kind) {
                case 1 -> string;
                case 2 -> Boolean.toString(bool);
                case 3 -> Long.toString(integer);
                case 4 -> Double.toString(number);
                case 5 -> array.stream().map(Value::text).toList().toString();
                default -> "";
            };
        }
    }

    private static final class Reader {
        private final CodedInputStream in;
        /** What {@code in} reads, for checking strings in place. */
        private final byte[] bytes;
        private final Signal signal;
        private final List<Item> items = new ArrayList<>();
        private final List<OtlpItems.ResourceView> resources = new ArrayList<>();
        /** Names and details of the items of the resource being read (its service may come last). */
        private final List<String> names = new ArrayList<>();
        private final List<String> details = new ArrayList<>();

        Reader(CodedInputStream in, byte[] bytes, Signal signal) {
            this.in = in;
            this.bytes = bytes;
            this.signal = signal;
        }

        void request() throws IOException {
            Descriptor type = switch (signal) {
                case TRACES -> ExportTraceServiceRequest.getDescriptor();
                case METRICS -> ExportMetricsServiceRequest.getDescriptor();
                case LOGS -> ExportLogsServiceRequest.getDescriptor();
            };
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(0);
                    resourceGroup(1);
                    in.popLimit(limit);
                } else {
                    skip(tag, type, 0);
                }
            }
        }

        /** ResourceSpans, ResourceMetrics, ResourceLogs: field 1 the resource, field 2 its scopes. */
        private void resourceGroup(int depth) throws IOException {
            Descriptor type = switch (signal) {
                case TRACES -> ResourceSpans.getDescriptor();
                case METRICS -> ResourceMetrics.getDescriptor();
                case LOGS -> ResourceLogs.getDescriptor();
            };
            List<OtlpItems.Attribute> attributes = new ArrayList<>();
            Set<String> scopes = new LinkedHashSet<>();
            names.clear();
            details.clear();
            long count = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(depth);
                    resource(attributes, depth + 1);
                    in.popLimit(limit);
                } else if (tag == tag(2, LD)) {
                    int limit = enter(depth);
                    count += scopeGroup(scopes, depth + 1);
                    in.popLimit(limit);
                } else {
                    skip(tag, type, depth);
                }
            }
            String service = OtlpItems.serviceName(attributes);
            for (int i = 0; i < names.size(); i++) {
                items.add(new Item(signal, service, names.get(i), details.get(i)));
            }
            resources.add(OtlpItems.view(attributes, scopes, count));
        }

        private void resource(List<OtlpItems.Attribute> attributes, int depth) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(depth);
                    attributes.add(keyValue(depth + 1));
                    in.popLimit(limit);
                } else {
                    skip(tag, Resource.getDescriptor(), depth);
                }
            }
        }

        private OtlpItems.Attribute keyValue(int depth) throws IOException {
            String key = "";
            Value value = new Value();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    key = in.readStringRequireUtf8();
                } else if (tag == tag(2, LD)) {
                    int limit = enter(depth);
                    anyValue(value, depth + 1);
                    in.popLimit(limit);
                } else {
                    skip(tag, KeyValue.getDescriptor(), depth);
                }
            }
            return new OtlpItems.Attribute(key, value.text());
        }

        private void anyValue(Value value, int depth) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    value.kind = 1;
                    value.string = in.readStringRequireUtf8();
                } else if (tag == tag(2, WireFormat.WIRETYPE_VARINT)) {
                    value.kind = 2;
                    value.bool = in.readBool();
                } else if (tag == tag(3, WireFormat.WIRETYPE_VARINT)) {
                    value.kind = 3;
                    value.integer = in.readInt64();
                } else if (tag == tag(4, WireFormat.WIRETYPE_FIXED64)) {
                    value.kind = 4;
                    value.number = in.readDouble();
                } else if (tag == tag(5, LD)) {
                    int limit = enter(depth);
                    if (value.array == null) {
                        value.array = new ArrayList<>();
                    }
                    value.kind = 5;
                    arrayValue(value.array, depth + 1);
                    in.popLimit(limit);
                } else {
                    skip(tag, AnyValue.getDescriptor(), depth);
                    // kvlist_value (6) and bytes_value (7) show as "": they need only checking.
                    if (tag == tag(6, LD) || tag == tag(7, LD)) {
                        value.kind = tag >>> 3;
                    }
                }
            }
        }

        private void arrayValue(List<Value> values, int depth) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(depth);
                    Value element = new Value();
                    anyValue(element, depth + 1);
                    values.add(element);
                    in.popLimit(limit);
                } else {
                    skip(tag, ArrayValue.getDescriptor(), depth);
                }
            }
        }

        /** ScopeSpans, ScopeMetrics, ScopeLogs: field 1 the scope, field 2 the items. Returns the items' count. */
        private long scopeGroup(Set<String> scopes, int depth) throws IOException {
            Descriptor type = switch (signal) {
                case TRACES -> ScopeSpans.getDescriptor();
                case METRICS -> ScopeMetrics.getDescriptor();
                case LOGS -> ScopeLogs.getDescriptor();
            };
            String scope = "";
            long count = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(depth);
                    scope = scopeName(scope, depth + 1);
                    in.popLimit(limit);
                } else if (tag == tag(2, LD)) {
                    int limit = enter(depth);
                    count += switch (signal) {
                        case TRACES -> span(depth + 1);
                        case METRICS -> metric(depth + 1);
                        case LOGS -> logRecord(depth + 1);
                    };
                    in.popLimit(limit);
                } else {
                    skip(tag, type, depth);
                }
            }
            OtlpItems.scope(scopes, scope);
            return count;
        }

        /** A second scope field merges into the first: its name, when present, wins. */
        private String scopeName(String name, int depth) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    name = in.readStringRequireUtf8();
                } else {
                    skip(tag, InstrumentationScope.getDescriptor(), depth);
                }
            }
            return name;
        }

        private int span(int depth) throws IOException {
            String name = "";
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(5, LD)) {
                    name = in.readStringRequireUtf8();
                } else {
                    skip(tag, Span.getDescriptor(), depth);
                }
            }
            pending(OtlpItems.name(name), "", 1);
            return 1;
        }

        private int metric(int depth) throws IOException {
            String name = "";
            // One count per kind of data (gauge 5, sum 7, histogram 9, exponential histogram 10, summary 11):
            // the last kind set is the metric's, and protobuf keeps each kind's builder when another is set.
            long[] points = new long[12];
            int kind = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int number = tag >>> 3;
                if (tag == tag(1, LD)) {
                    name = in.readStringRequireUtf8();
                } else if ((tag & 7) == LD && (number == 5 || number == 7 || number == 9 || number == 10 || number == 11)) {
                    int limit = enter(depth);
                    points[number] += dataPoints(field(Metric.getDescriptor(), number).getMessageType(), depth + 1);
                    kind = number;
                    in.popLimit(limit);
                } else {
                    skip(tag, Metric.getDescriptor(), depth);
                }
            }
            int count = (int) points[kind];
            pending(OtlpItems.name(name), "", count);
            return count;
        }

        /** Gauge, Sum, Histogram...: field 1 is the repeated data point. */
        private long dataPoints(Descriptor type, int depth) throws IOException {
            Descriptor point = field(type, 1).getMessageType();
            long count = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, LD)) {
                    int limit = enter(depth);
                    check(point, depth + 1);
                    in.popLimit(limit);
                    count++;
                } else {
                    skip(tag, type, depth);
                }
            }
            return count;
        }

        private int logRecord(int depth) throws IOException {
            int severityNumber = 0;
            String severityText = "";
            Value body = new Value();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(2, WireFormat.WIRETYPE_VARINT)) {
                    severityNumber = in.readEnum();
                } else if (tag == tag(3, LD)) {
                    severityText = in.readStringRequireUtf8();
                } else if (tag == tag(5, LD)) {
                    int limit = enter(depth);
                    anyValue(body, depth + 1);
                    in.popLimit(limit);
                } else {
                    skip(tag, LogRecord.getDescriptor(), depth);
                }
            }
            SeverityNumber number = SeverityNumber.forNumber(severityNumber);
            String severity = OtlpItems.severity(severityText, number == null ? "UNRECOGNIZED" : number.name());
            pending(OtlpItems.name(severity), OtlpItems.truncate(body.text()), 1);
            return 1;
        }

        private void pending(String name, String detail, int times) {
            for (int i = 0; i < times; i++) {
                names.add(name);
                details.add(detail);
            }
        }

        /** Checks a whole message of {@code type} listen does not look into. */
        private void check(Descriptor type, int depth) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                skip(tag, type, depth);
            }
        }

        /** Starts a nested message: its length, within protobuf's nesting limit. Returns the old limit. */
        private int enter(int depth) throws IOException {
            int length = in.readRawVarint32();
            if (depth >= RECURSION_LIMIT) {
                throw new InvalidProtocolBufferException("Protocol message had too many levels of nesting.");
            }
            return in.pushLimit(length);
        }

        /** Reads past a field listen does not use, checking it as protobuf would parse it into {@code type}. */
        private void skip(int tag, Descriptor type, int depth) throws IOException {
            int wireType = tag & 7;
            FieldDescriptor field = type == null ? null : field(type, tag >>> 3);
            if (field == null || field.getType() == FieldDescriptor.Type.GROUP) {
                skipUnknown(tag, depth);
            } else if (wireType == field.getLiteType().getWireType()) {
                switch (field.getType()) {
                    case MESSAGE -> {
                        int limit = enter(depth);
                        check(field.getMessageType(), depth + 1);
                        in.popLimit(limit);
                    }
                    case STRING -> {
                        // Checked where it lies: no copy of a string listen does not keep.
                        int length = in.readRawVarint32();
                        int at = in.getTotalBytesRead();
                        in.skipRawBytes(length);
                        if (!UnsafeByteOperations.unsafeWrap(bytes, at, length).isValidUtf8()) {
                            throw new InvalidProtocolBufferException("Protocol message had invalid UTF-8.");
                        }
                    }
                    default -> scalar(wireType);
                }
            } else if (field.isPackable() && wireType == LD) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (in.getBytesUntilLimit() > 0) {
                    scalar(field.getLiteType().getWireType());
                }
                in.popLimit(limit);
            } else {
                skipUnknown(tag, depth);
            }
        }

        private void scalar(int wireType) throws IOException {
            switch (wireType) {
                case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
                case WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
                case WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32();
                case LD -> in.skipRawBytes(in.readRawVarint32());
                default -> throw new InvalidProtocolBufferException("Protocol message tag had invalid wire type.");
            }
        }

        /** An unknown field, kept by protobuf as it is: groups are parsed (within the nesting limit), bytes not. */
        private void skipUnknown(int tag, int depth) throws IOException {
            switch (tag & 7) {
                case WireFormat.WIRETYPE_START_GROUP -> group(tag >>> 3, depth);
                case WireFormat.WIRETYPE_END_GROUP ->
                        throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected tag.");
                default -> scalar(tag & 7);
            }
        }

        private void group(int number, int depth) throws IOException {
            if (depth >= RECURSION_LIMIT) {
                throw new InvalidProtocolBufferException("Protocol message had too many levels of nesting.");
            }
            while (true) {
                int tag = in.readTag();
                if ((tag & 7) == WireFormat.WIRETYPE_END_GROUP && tag != 0) {
                    if (tag >>> 3 == number) {
                        return;
                    }
                    throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected tag.");
                }
                if (tag == 0) {
                    throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected tag.");
                }
                skipUnknown(tag, depth + 1);
            }
        }
    }
}
