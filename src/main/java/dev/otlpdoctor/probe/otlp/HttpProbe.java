package dev.otlpdoctor.probe.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.otlpdoctor.Version;
import dev.otlpdoctor.otlp.ExportMessages;
import dev.otlpdoctor.otlp.Header;
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
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * OTLP/HTTP: {@code GET <base>/v1/traces} (the collector answers 405), then a {@code POST} per selected
 * signal with protobuf and JSON (or the one encoding {@code --protocol} names), the signals at once.
 * The base path of a URL target is kept. Bodies are read up to {@link CappedBody#CAP} bytes.
 */
public final class HttpProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("http", Scope.ENDPOINT)
            .needs(TcpProbe.class, ProtocolProbe.class)
            .observes("`GET /v1/traces` (a collector answers 405), then `POST` per signal in protobuf and JSON (only the one encoding when `--protocol` or the exporter's `OTEL_EXPORTER_OTLP_PROTOCOL` names it), the base path kept")
            .reports("otlp.*", "signal.not-accepted", "http.*", "auth.required");

    @Override
    public ProbeInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(ProbeContext context) {
        return context.endpoint().transport() != Transport.GRPC;
    }

    /** One HTTP exchange: status, headers that matter, capped body; or the failure. */
    private record Reply(int status, String contentType, String server, String retryAfter, String location,
                         boolean grpc, CappedBody body, IOException error, long elapsedMs) {
        String answer() {
            if (error != null) {
                return error instanceof InterruptedIOException ? "no response in " + elapsedMs + " ms"
                        : "the request failed: " + error.getMessage();
            }
            return "HTTP " + status + (contentType.isEmpty() ? "" : " " + contentType) + " '" + body.excerpt() + "'"
                    + (body.capped() ? " (stopped reading after " + CappedBody.CAP + " bytes)" : "")
                    // A probe reports what answered: a redirect is shown with its target, never followed.
                    + (status / 100 == 3 && location != null ? " redirecting to " + Excerpt.of(location)
                    + " (not followed)" : "");
        }
    }

    /** Loads OkHttp and the OTLP messages in both encodings: the first request's start-up cost. */
    @Override
    public void prepare() {
        OkHttpClients.prepare();
        ExportMessages.json(Signal.TRACES, false);
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
        Wire wire = context.facts().get(ProtocolProbe.WIRE).orElseThrow();
        if (!wire.mayBeHttp()) {
            findings.add(ProtocolProbe.notSpoken(id(), wire, "OTLP/HTTP"));
            return;
        }
        TlsChannel channel = context.facts().get(TlsProbe.CHANNEL).orElseThrow();
        String base = context.endpoint().basePath();
        OkHttpClient client = OkHttpClients.create(context, channel, false);
        try {
            Map<Signal, String> paths = SignalPaths.of(context);
            String getPath = paths.values().iterator().next();
            Reply get = exchange(context, client, new Request.Builder().url(OkHttpClients.url(context, channel, getPath)).get());
            if (get.error == null && get.grpc) {
                findings.add(grpcAnswered(context, get));
                return;
            }
            if (get.error == null && get.status == 405) {
                findings.add(OtlpCodes.HTTP_RECEIVER_FOUND.finding()
                        .evidence("path", getPath)
                        .evidence("answer", get.answer())
                        .detail("GET " + getPath + " was answered " + get.answer() + ", as the collector's receiver does.")
                        .build());
            }
            Map<Signal, Future<List<Reply>>> posts = new LinkedHashMap<>();
            for (Map.Entry<Signal, String> path : paths.entrySet()) {
                posts.put(path.getKey(), context.executor().submit(
                        () -> postAll(context, client, channel, path.getKey(), path.getValue())));
            }
            Map<Signal, List<Reply>> replies = new LinkedHashMap<>();
            for (Map.Entry<Signal, Future<List<Reply>>> post : posts.entrySet()) {
                replies.put(post.getKey(), Exchanges.await(post.getValue()));
            }
            report(context, channel, paths, replies, findings);
        } finally {
            OkHttpClients.shutdown(client);
        }
    }

    /** The OTLP/HTTP protocols (encodings) to send: the one the client uses when known, else both. */
    private List<Protocol> encodings(ProbeContext context) {
        // The endpoint's client protocol (--protocol or the exporter's OTEL_EXPORTER_OTLP_PROTOCOL, as parsed
        // into the target); endpoints made elsewhere, such as a Kubernetes Service's ports, leave it to --protocol.
        Protocol asked = context.endpoint().protocol() != Protocol.AUTO ? context.endpoint().protocol()
                : context.settings().protocol();
        if (asked == Protocol.HTTP_PROTOBUF || asked == Protocol.HTTP_JSON) {
            return List.of(asked);
        }
        return List.of(Protocol.HTTP_PROTOBUF, Protocol.HTTP_JSON);
    }

    private List<Reply> postAll(ProbeContext context, OkHttpClient client, TlsChannel channel, Signal signal,
                                String path) {
        List<Reply> out = new ArrayList<>();
        boolean sample = context.settings().sendSample();
        for (Protocol encoding : encodings(context)) {
            byte[] body = encoding == Protocol.HTTP_JSON ? ExportMessages.json(signal, sample)
                    : ExportMessages.protobuf(signal, sample);
            HttpUrl url = OkHttpClients.url(context, channel, path);
            out.add(exchange(context, client, new Request.Builder().url(url)
                    .post(RequestBody.create(body, MediaType.get(encoding.contentType())))));
        }
        return out;
    }

    private static Reply exchange(ProbeContext context, OkHttpClient client, Request.Builder request) {
        request.header("User-Agent", "otlpdoctor/" + Version.get());
        for (Header header : context.settings().headers()) {
            request.header(header.name(), header.value());
        }
        long start = System.nanoTime();
        Call call = client.newCall(request.build());
        call.timeout().timeout(context.deadline().stepMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            CappedBody body = CappedBody.read(response.body());
            String contentType = response.header("Content-Type", "");
            boolean grpc = response.header("grpc-status") != null || contentType.startsWith("application/grpc");
            return new Reply(response.code(), contentType, response.header("Server", ""),
                    response.header("Retry-After"), response.header("Location"), grpc, body, null, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            if (call.isCanceled() || e instanceof InterruptedIOException) {
                return new Reply(0, "", "", null, null, false, null, new InterruptedIOException("timeout"),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return new Reply(0, "", "", null, null, false, null, e, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void report(ProbeContext context, TlsChannel channel, Map<Signal, String> paths,
                        Map<Signal, List<Reply>> replies, FindingSink findings) {
        List<Protocol> encodings = encodings(context);
        boolean all404 = replies.values().stream().flatMap(List::stream)
                .allMatch(r -> r.error == null && r.status == 404 && !isHtml(r));
        String base = context.endpoint().basePath();
        if (all404 && !replies.isEmpty()) {
            findings.add(OtlpCodes.HTTP_PATH_NOT_FOUND.finding()
                    .evidence("basePath", base.isEmpty() ? "/" : base)
                    .evidence("paths", List.copyOf(paths.values()))
                    .evidence("answer", replies.values().iterator().next().get(0).answer())
                    .param("host", context.endpoint().host())
                    .param("port", context.endpoint().port())
                    .detail("Every POST under '" + (base.isEmpty() ? "/" : base) + "' was answered 404."
                            + (base.matches(".*/v1/(traces|metrics|logs)") ? " The base path already ends in a signal "
                            + "path, so the signal path is doubled (" + paths.values().iterator().next() + ")." : ""))
                    .build());
            return;
        }
        List<Finding> found = new ArrayList<>();
        for (Map.Entry<Signal, List<Reply>> entry : replies.entrySet()) {
            Signal signal = entry.getKey();
            String path = paths.get(signal);
            String url = (channel.tls() ? "https://" : "http://") + context.endpoint().label() + path;
            List<ExportOutcome> outcomes = new ArrayList<>();
            List<List<String>> protocols = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                ExportOutcome outcome = classify(context, signal, encodings.get(i), entry.getValue().get(i), path);
                int same = -1;
                for (int j = 0; j < outcomes.size(); j++) {
                    if (outcomes.get(j).sameAs(outcome)) {
                        same = j;
                    }
                }
                if (same >= 0) {
                    protocols.get(same).add(encodings.get(i).value());
                } else {
                    outcomes.add(outcome);
                    protocols.add(new ArrayList<>(List.of(encodings.get(i).value())));
                }
            }
            for (int j = 0; j < outcomes.size(); j++) {
                if (outcomes.get(j).code() == OtlpCodes.OTLP_OK) {
                    SampleRecord.accepted(context, signal, protocols.get(j).size());
                }
                found.add(outcomes.get(j).toFinding(context, signal, protocols.get(j), "POST " + url));
            }
        }
        Exchanges.addOnce(found, findings);
    }

    private ExportOutcome classify(ProbeContext context, Signal signal, Protocol encoding, Reply reply, String path) {
        String answer = reply.answer();
        if (reply.error != null) {
            return reply.error instanceof InterruptedIOException
                    ? ExportOutcome.of(OtlpCodes.OTLP_DEADLINE, answer, "The POST got no answer before the run's deadline.")
                            .with("waitedMs", reply.elapsedMs)
                    : ExportOutcome.of(OtlpCodes.OTLP_REJECTED, answer, "The POST failed: " + reply.error.getMessage() + ".");
        }
        if (reply.grpc) {
            return ExportOutcome.finding(grpcAnswered(context, reply), answer);
        }
        if (isHtml(reply) || reply.body.capped()) {
            return ExportOutcome.finding(HttpAnswers.notOtlp(context, describeServer(reply), answer, path,
                    "POST " + path + " was answered " + answer + ": that is not an OTLP receiver's answer."), answer);
        }
        String said = "POST " + path + " (" + encoding.contentType() + ") was answered " + answer + ".";
        ExportOutcome outcome;
        int status = reply.status;
        if (status >= 200 && status < 300) {
            outcome = success(context, signal, encoding, reply, path, answer);
        } else if (status == 400) {
            outcome = ExportOutcome.of(OtlpCodes.HTTP_BAD_REQUEST, answer, said);
        } else if (status == 401 || status == 403) {
            outcome = ExportOutcome.of(OtlpCodes.AUTH_REQUIRED, answer, said);
        } else if (status == 404) {
            outcome = ExportOutcome.of(OtlpCodes.SIGNAL_NOT_ACCEPTED, answer, said + " The collector registers "
                    + signal.httpPath() + " only when a " + signal.label() + " pipeline uses the otlp receiver.");
        } else if (status == 405) {
            outcome = ExportOutcome.of(OtlpCodes.HTTP_METHOD_NOT_ALLOWED, answer, said);
        } else if (status == 413) {
            outcome = ExportOutcome.of(OtlpCodes.HTTP_PAYLOAD_TOO_LARGE, answer, said);
        } else if (status == 415) {
            outcome = ExportOutcome.of(OtlpCodes.HTTP_UNSUPPORTED_MEDIA_TYPE, answer, said);
        } else if (status == 429) {
            outcome = ExportOutcome.of(OtlpCodes.OTLP_THROTTLED, answer, said);
        } else if (status == 502 || status == 503 || status == 504) {
            outcome = ExportOutcome.of(OtlpCodes.OTLP_UNAVAILABLE, answer, said);
        } else {
            outcome = ExportOutcome.of(OtlpCodes.OTLP_REJECTED, answer, said);
        }
        outcome.with("status", status).with("path", path).with("latencyMs", reply.elapsedMs);
        if (reply.retryAfter != null) {
            outcome.with("retryAfter", reply.retryAfter);
        }
        return outcome;
    }

    private static ExportOutcome success(ProbeContext context, Signal signal, Protocol encoding, Reply reply,
                                         String path, String answer) {
        String mime = reply.contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        try {
            if (!mime.equals(encoding.contentType())) {
                throw new InvalidProtocolBufferException("content type " + mime);
            }
            ExportMessages.PartialSuccess partial = ExportMessages.parseResponse(signal, reply.body.bytes(),
                    encoding == Protocol.HTTP_JSON);
            if (partial.rejectedAny()) {
                return ExportOutcome.of(OtlpCodes.OTLP_PARTIAL_SUCCESS, "HTTP " + reply.status + " with partial_success",
                                "The receiver accepted the request but rejected " + partial.rejected() + " item(s): "
                                        + partial.errorMessage())
                        .with("rejected", partial.rejected())
                        .with("errorMessage", partial.errorMessage());
            }
            return ExportOutcome.of(OtlpCodes.OTLP_OK, "HTTP " + reply.status,
                    "POST " + path + " was answered " + reply.status + " with an Export response.");
        } catch (InvalidProtocolBufferException e) {
            return ExportOutcome.finding(HttpAnswers.notOtlp(context, describeServer(reply), answer, path,
                    "POST " + path + " was answered " + answer + ", which is not an OTLP Export response ("
                            + encoding.contentType() + " expected)."), answer);
        }
    }

    private static Finding grpcAnswered(ProbeContext context, Reply reply) {
        if (context.endpoint().transport() == Transport.UNKNOWN) {
            // Nothing said OTLP/HTTP: the grpc probe of this endpoint reports the gRPC server that answered.
            return ProtocolProbe.notSpoken("http", "a gRPC server answered the HTTP request: " + reply.answer());
        }
        return ProtocolProbe.mismatch(context.endpoint(), "OTLP/gRPC",
                "an HTTP request was answered by a gRPC server: " + reply.answer()).build();
    }

    private static boolean isHtml(Reply reply) {
        return reply.error == null && reply.contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    private static String describeServer(Reply reply) {
        return reply.server == null || reply.server.isEmpty() ? "an HTTP server (no Server header)"
                : "an HTTP server ('" + Excerpt.of(reply.server) + "')";
    }
}
