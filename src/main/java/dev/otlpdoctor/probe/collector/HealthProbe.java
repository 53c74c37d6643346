package dev.otlpdoctor.probe.collector;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.DnsProbe;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the collector's health_check extension (default {@code http://host:13133/}) how it is. Both the
 * original extension and health_check v2 answer 200 when ready and 503 while starting or stopping; 500 means
 * unhealthy (a pipeline check or a component's fatal error). Their JSON bodies differ: v1 sends
 * {@code {"status":"Server available","upSince":…,"uptime":…}}, v2 {@code {"healthy":…,"status":"StatusOK",
 * "components":{…}}}; a custom response_body may be any text, so the status code decides.
 *
 * <p>It runs after the endpoint probes and takes at most half the time left, so a port that accepts and
 * never answers leaves time for the metrics probe.
 */
public final class HealthProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("collector-health", Scope.TARGET_AFTER)
            .needs(DnsProbe.class)
            .observes("the `health_check` extension (`--health-url`, default port 13133)")
            .reports("collector.healthy", "collector.starting", "collector.unhealthy", "collector.health-unavailable");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** The extension's body is under a few kilobytes even with many components in v2. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        URI url = CollectorUrls.health(context);
        String shown = CollectorUrls.shown(url);
        long budget = context.deadline().stepMillis(2, null);
        BoundedGet.Answer answer;
        try {
            answer = BoundedGet.fetch(url, budget, MAX_BODY_BYTES);
        } catch (InterruptedIOException e) {
            findings.add(unavailable(context, shown, "no answer within " + budget + " ms (accepted but silent, or "
                    + "packets dropped)"));
            return;
        } catch (IOException e) {
            findings.add(unavailable(context, shown, describe(e)));
            return;
        }
        findings.add(classify(context, shown, answer));
    }

    private static Finding classify(ProbeContext context, String url, BoundedGet.Answer answer) {
        JsonObject body = json(answer.body());
        String status = body != null && body.has("status") && body.get("status").isJsonPrimitive()
                ? body.get("status").getAsString() : "";
        String flavour = body == null ? "custom or empty body"
                : body.has("healthy") ? "health_check v2 JSON" : "health_check JSON";
        int code = answer.status();
        Finding.Builder builder;
        if (code == 200) {
            builder = CollectorCodes.HEALTHY.finding()
                    .param("state", status.isEmpty() ? "ready" : "'" + status + "'");
            List<String> troubled = troubledComponents(body);
            if (!troubled.isEmpty()) {
                builder.severity(Severity.WARN).evidence("componentsWithErrors", String.join(", ", troubled));
            }
            builder.detail("The health_check extension at {url} answered 200" + (status.isEmpty() ? "" : " ('" + status
                    + "')") + (troubled.isEmpty() ? "." : "; it counts as ready, but components report errors: "
                    + String.join(", ", troubled) + "."));
            if (body != null && body.has("uptime")) {
                builder.evidence("uptime", body.get("uptime").getAsString());
            }
        } else if (code == 503) {
            builder = CollectorCodes.STARTING.finding()
                    .detail("The health_check extension at {url} answered 503" + (status.isEmpty() ? "" : " ('"
                            + status + "')") + ": the collector is not ready (starting or shutting down).");
        } else if (code == 500) {
            List<String> troubled = troubledComponents(body);
            builder = CollectorCodes.UNHEALTHY.finding()
                    .detail("The health_check extension at {url} answered 500" + (troubled.isEmpty() ? "."
                            : ": " + String.join(", ", troubled) + "."));
            if (!troubled.isEmpty()) {
                builder.evidence("componentsWithErrors", String.join(", ", troubled));
            }
        } else {
            return unavailable(context, url, "HTTP " + code + " — not an answer of the health_check extension"
                    + " (404: wrong path, or another server owns the port)");
        }
        return builder.evidence("url", url)
                .evidence("httpStatus", code)
                .evidence("status", status)
                .evidence("body", flavour)
                .param("host", context.target().host())
                .build();
    }

    /** health_check v2 components whose status is not OK, e.g. {@code exporter:otlp/backend: StatusRecoverableError (…)}. */
    private static List<String> troubledComponents(JsonObject body) {
        List<String> out = new ArrayList<>();
        if (body != null) {
            collectTroubled("", body, out);
        }
        return out.size() > 10 ? new ArrayList<>(out.subList(0, 10)) : out;
    }

    private static void collectTroubled(String path, JsonObject node, List<String> out) {
        JsonElement components = node.get("components");
        if (components == null || !components.isJsonObject()) {
            String status = node.has("status") && node.get("status").isJsonPrimitive() ? node.get("status").getAsString() : "";
            boolean healthy = !node.has("healthy") || node.get("healthy").getAsBoolean();
            if (!path.isEmpty() && (!healthy || status.endsWith("Error"))) {
                String error = node.has("error") ? " (" + node.get("error").getAsString() + ")" : "";
                out.add(path + ": " + status + error);
            }
            return;
        }
        for (Map.Entry<String, JsonElement> child : components.getAsJsonObject().entrySet()) {
            if (child.getValue().isJsonObject()) {
                collectTroubled(child.getKey(), child.getValue().getAsJsonObject(), out);
            }
        }
    }

    private static JsonObject json(String body) {
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Finding unavailable(ProbeContext context, String url, String what) {
        return CollectorCodes.HEALTH_UNAVAILABLE.finding()
                .evidence("url", url)
                .evidence("reason", what)
                .param("host", context.target().host())
                .detail("No health_check answer at {url}: {reason}.")
                .build();
    }

    /** The cause in a few words; okhttp wraps the socket's "Connection refused" in its own message. */
    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return "connection refused";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
