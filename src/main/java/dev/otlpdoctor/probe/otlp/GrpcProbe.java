package dev.otlpdoctor.probe.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otlpdoctor.otlp.ExportMessages;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.probe.tls.TlsChannel;
import dev.otlpdoctor.probe.tls.TlsProbe;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.OtlpCodes;
import dev.otlpdoctor.target.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * OTLP/gRPC on one HTTP/2 connection: {@code grpc.health.v1.Health/Check}, then one {@code Export} per
 * selected signal, all at once (a slow or broken signal does not hide the others), each bounded by the
 * run's deadline. Every gRPC status becomes a finding with its meaning for an OTLP receiver.
 */
public final class GrpcProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("grpc", Scope.ENDPOINT)
            .needs(TcpProbe.class, ProtocolProbe.class)
            .observes("`grpc.health.v1.Health/Check`, then one OTLP `Export` per signal (`--signals`), empty or a sample (`--send-sample`)")
            .reports("otlp.*", "signal.not-accepted", "auth.required", "grpc.*");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    static final String HEALTH_METHOD = "/grpc.health.v1.Health/Check";
    private static final String[] STATUS_NAMES = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
        "UNAUTHENTICATED"};
    private static final String[] HEALTH_NAMES = {"UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"};

    @Override
    public boolean appliesTo(ProbeContext context) {
        return context.endpoint().transport() != Transport.HTTP;
    }

    /** One call's result: a reply, or the I/O failure that replaced it. */
    private record Call(GrpcTransport.GrpcReply reply, IOException error, long elapsedMs) {
    }

    /** Loads OkHttp and the OTLP messages: the first call's start-up cost. */
    @Override
    public void prepare() {
        OkHttpClients.prepare();
        ExportMessages.protobuf(Signal.TRACES, false);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
        Wire wire = context.facts().get(ProtocolProbe.WIRE).orElseThrow();
        if (!wire.mayBeGrpc()) {
            findings.add(ProtocolProbe.notSpoken(id(), wire, "gRPC"));
            return;
        }
        TlsChannel channel = context.facts().get(TlsProbe.CHANNEL).orElseThrow();
        String target = (channel.tls() ? "https://" : "http://") + context.endpoint().label();
        try (GrpcTransport transport = new OkHttpGrpcTransport(OkHttpClients.create(context, channel, true),
                OkHttpClients.url(context, channel, "/"), context.settings().headers())) {
            Future<Call> health = context.executor().submit(() -> call(transport, HEALTH_METHOD, new byte[0], context));
            Map<Signal, Future<Call>> exports = new LinkedHashMap<>();
            for (Signal signal : SignalPaths.of(context).keySet()) {
                byte[] request = ExportMessages.protobuf(signal, context.settings().sendSample());
                exports.put(signal, context.executor().submit(() -> call(transport, signal.grpcMethod(), request, context)));
            }
            List<Finding> found = new ArrayList<>();
            healthFinding(Exchanges.await(health)).ifPresent(found::add);
            for (Map.Entry<Signal, Future<Call>> export : exports.entrySet()) {
                Signal signal = export.getKey();
                ExportOutcome outcome = classify(context, signal, Exchanges.await(export.getValue()));
                if (outcome.code() == OtlpCodes.OTLP_OK) {
                    SampleRecord.accepted(context, signal, 1);
                }
                found.add(outcome.toFinding(context, signal, List.of("grpc"), target + signal.grpcMethod()));
            }
            Exchanges.addOnce(found, findings);
        }
    }

    private static Call call(GrpcTransport transport, String method, byte[] request, ProbeContext context) {
        long start = System.nanoTime();
        try {
            return new Call(transport.call(method, request, context.deadline().stepMillis()), null,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Call(null, e, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private ExportOutcome classify(ProbeContext context, Signal signal, Call call) {
        if (call.error != null) {
            if (call.error instanceof InterruptedIOException) {
                return ExportOutcome.of(OtlpCodes.OTLP_DEADLINE, "no response in " + call.elapsedMs + " ms",
                        "The Export call got no answer before the run's deadline (" + call.elapsedMs + " ms).")
                        .with("waitedMs", call.elapsedMs);
            }
            String why = failure(call.error);
            return ExportOutcome.of(OtlpCodes.OTLP_REJECTED, "the call failed: " + why,
                    "The gRPC call failed below gRPC: " + why + ".");
        }
        GrpcTransport.GrpcReply reply = call.reply;
        if (!reply.isGrpc()) {
            return notGrpc(context, reply);
        }
        String status = statusName(reply.grpcStatus());
        String answer = status + (reply.grpcMessage().isEmpty() ? "" : ": " + reply.grpcMessage());
        String said = "The server answered " + answer + ".";
        ExportOutcome outcome;
        switch (reply.grpcStatus()) {
            case 0:
                outcome = okOutcome(signal, reply);
                break;
            case 12:
                outcome = ExportOutcome.of(OtlpCodes.SIGNAL_NOT_ACCEPTED, answer, said + " The collector registers the "
                        + signal.grpcService() + " service only when a " + signal.label()
                        + " pipeline uses the otlp receiver.");
                break;
            case 7:
            case 16:
                outcome = ExportOutcome.of(OtlpCodes.AUTH_REQUIRED, answer, said);
                break;
            case 14:
                outcome = ExportOutcome.of(OtlpCodes.OTLP_UNAVAILABLE, answer, said);
                break;
            case 8:
                outcome = ExportOutcome.of(OtlpCodes.OTLP_THROTTLED, answer, said);
                break;
            case 4:
                outcome = ExportOutcome.of(OtlpCodes.OTLP_DEADLINE, answer, said);
                break;
            default:
                outcome = ExportOutcome.of(OtlpCodes.OTLP_REJECTED, answer, said);
                break;
        }
        return outcome.with("status", status).with("metadata", reply.metadata()).with("latencyMs", call.elapsedMs);
    }

    private static ExportOutcome okOutcome(Signal signal, GrpcTransport.GrpcReply reply) {
        if (reply.message() == null) {
            return ExportOutcome.of(OtlpCodes.OTLP_OK, "OK", "The server answered OK (without a response message).");
        }
        try {
            ExportMessages.PartialSuccess partial = ExportMessages.parseResponse(signal, reply.message(), false);
            if (partial.rejectedAny()) {
                return ExportOutcome.of(OtlpCodes.OTLP_PARTIAL_SUCCESS, "OK with partial_success",
                                "The server answered OK but rejected " + partial.rejected() + " item(s): "
                                        + partial.errorMessage())
                        .with("rejected", partial.rejected())
                        .with("errorMessage", partial.errorMessage());
            }
            return ExportOutcome.of(OtlpCodes.OTLP_OK, "OK", "The server answered OK with an Export response.");
        } catch (InvalidProtocolBufferException e) {
            return ExportOutcome.of(OtlpCodes.OTLP_REJECTED, "OK, but the response is not an OTLP Export response",
                    "The server answered OK with a message that does not parse as an OTLP Export response.");
        }
    }

    /** An HTTP/2 server that is not gRPC answered: the OTLP/HTTP receiver (over TLS) or something else. */
    private static ExportOutcome notGrpc(ProbeContext context, GrpcTransport.GrpcReply reply) {
        String answer = "HTTP " + reply.httpStatus() + " " + reply.contentType() + " '" + reply.body() + "'";
        if (context.endpoint().transport() == Transport.UNKNOWN && HttpAnswers.looksLikeOtlpHttp(reply.body())) {
            // Nothing said gRPC: the http probe of this endpoint reports the receiver that answered.
            return ExportOutcome.finding(ProtocolProbe.notSpoken("grpc",
                    "an HTTP server that is not gRPC answered the gRPC call: " + answer), answer);
        }
        if (context.endpoint().transport() == Transport.GRPC && HttpAnswers.looksLikeOtlpHttp(reply.body())) {
            return ExportOutcome.finding(ProtocolProbe.mismatch(context.endpoint(), "OTLP/HTTP",
                    "a gRPC call was answered by an HTTP server like the OTLP/HTTP receiver: " + answer).build(), answer);
        }
        return ExportOutcome.finding(HttpAnswers.notOtlp(context, "an HTTP/2 server that is not gRPC", answer,
                "/", "A gRPC call was answered without any gRPC status: " + answer + "."), answer);
    }

    private static Optional<Finding> healthFinding(Call call) {
        if (call.error != null) {
            String why = failure(call.error);
            return Optional.of(OtlpCodes.GRPC_HEALTH_ERROR.finding()
                    .param("answer", why)
                    .evidence("error", why)
                    .detail("The health call failed: " + why + ".")
                    .build());
        }
        GrpcTransport.GrpcReply reply = call.reply;
        if (!reply.isGrpc()) {
            return Optional.empty(); // the exports report what answered
        }
        String status = statusName(reply.grpcStatus());
        if (reply.grpcStatus() == 12) {
            return Optional.of(OtlpCodes.GRPC_HEALTH_UNIMPLEMENTED.finding()
                    .evidence("status", status)
                    .evidence("message", reply.grpcMessage())
                    .detail("Health/Check answered UNIMPLEMENTED: " + reply.grpcMessage() + ".")
                    .build());
        }
        if (reply.grpcStatus() != 0) {
            return Optional.of(OtlpCodes.GRPC_HEALTH_ERROR.finding()
                    .param("answer", status + ": " + reply.grpcMessage())
                    .evidence("status", status)
                    .evidence("message", reply.grpcMessage())
                    .detail("Health/Check answered " + status + ".")
                    .build());
        }
        int serving = servingStatus(reply.message());
        String name = serving >= 0 && serving < HEALTH_NAMES.length ? HEALTH_NAMES[serving] : "status " + serving;
        return Optional.of((serving == 1 ? OtlpCodes.GRPC_HEALTH_SERVING : OtlpCodes.GRPC_HEALTH_NOT_SERVING)
                .finding()
                .evidence("status", name)
                .detail("Health/Check for the whole server answered " + name + ".")
                .build());
    }

    /**
     * The {@code status} field (1, an enum) of a grpc.health.v1.HealthCheckResponse. The request for the
     * whole server is the empty message, zero bytes, so these two messages are coded here instead of
     * adding grpc-services and its grpc-java dependencies to the tool for one enum field.
     */
    private static int servingStatus(byte[] message) {
        if (message == null) {
            return 0;
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(message);
            int status = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == (1 << 3)) {
                    status = in.readEnum();
                } else {
                    in.skipField(tag);
                }
            }
            return status;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What failed, in words. OkHttp's exceptions for a connection the server shut down (an HTTP/2 GOAWAY,
     * a reset stream) may carry no message; "null" is no answer.
     */
    static String failure(IOException error) {
        String message = error.getMessage();
        if (error instanceof okhttp3.internal.http2.StreamResetException reset) {
            return "the server reset the HTTP/2 stream (" + reset.errorCode + ")"
                    + (reset.errorCode == okhttp3.internal.http2.ErrorCode.REFUSED_STREAM
                    ? ": it refuses new calls (it sent GOAWAY, or has too many streams open)" : "");
        }
        if (error instanceof okhttp3.internal.http2.ConnectionShutdownException) {
            return "the server shut the HTTP/2 connection down (GOAWAY) before answering";
        }
        if (message == null || message.isBlank()) {
            return "the connection failed (" + error.getClass().getSimpleName() + ")";
        }
        return message;
    }

    static String statusName(int code) {
        return code >= 0 && code < STATUS_NAMES.length ? STATUS_NAMES[code] : "status " + code;
    }

}
