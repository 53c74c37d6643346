package dev.otlpdoctor.listen.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.Listening;
import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.HeaderNames;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.report.JsonRenderer;
import java.util.List;

/** The {@code -o json} document of listen: one object with the common header. */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static JsonObject of(Summary s, Listening listener, List<Expectation> expectations, boolean verbose) {
        JsonObject root = JsonRenderer.header("listen");
        boolean met = expectations.stream().allMatch(e -> e.holds(s));
        root.addProperty("status", met ? "pass" : "fail");
        root.addProperty("durationMs", s.durationMs());
        JsonObject endpoints = new JsonObject();
        endpoints.add("grpc", listener.grpcPort() == ListenConfig.OFF ? JsonNull.INSTANCE
                : new com.google.gson.JsonPrimitive(listener.endpoint(listener.grpcPort())));
        endpoints.add("http", listener.httpPort() == ListenConfig.OFF ? JsonNull.INSTANCE
                : new com.google.gson.JsonPrimitive(listener.endpoint(listener.httpPort())));
        root.add("endpoints", endpoints);
        JsonObject signals = new JsonObject();
        for (Signal signal : Signal.values()) {
            Summary.SignalSummary counts = s.signal(signal);
            JsonObject json = new JsonObject();
            json.addProperty("requests", counts.requests());
            json.addProperty("items", counts.items());
            json.addProperty("unit", signal.unit());
            json.addProperty("perSecond", Math.round(s.rate(signal) * 10) / 10.0);
            JsonObject services = new JsonObject();
            counts.services().forEach((name, perService) -> {
                JsonObject service = new JsonObject();
                service.addProperty("items", perService.items());
                JsonObject names = new JsonObject();
                perService.names().forEach(names::addProperty);
                service.add("names", names);
                services.add(name, service);
            });
            json.add("services", services);
            signals.add(signal.label(), json);
        }
        root.add("signals", signals);
        JsonArray clients = new JsonArray();
        for (Summary.ClientSummary c : s.clients()) {
            JsonObject client = new JsonObject();
            client.addProperty("address", c.address());
            client.addProperty("protocol", c.protocol() == null ? null : c.protocol().value());
            client.addProperty("requests", c.requests());
            client.addProperty("items", c.items());
            clients.add(client);
        }
        root.add("clients", clients);
        root.add("applications", applications(s));
        JsonArray probes = new JsonArray();
        for (Summary.Probe p : s.probes()) {
            JsonObject probe = new JsonObject();
            probe.addProperty("host", p.host());
            probe.addProperty("requests", p.requests());
            probe.addProperty("errorAnswers", p.errorAnswers());
            probes.add(probe);
        }
        root.add("otlpdoctorCheck", probes);
        JsonArray wrong = new JsonArray();
        for (Summary.Misdirected m : s.misdirections()) {
            JsonObject json = new JsonObject();
            json.addProperty("kind", m.example().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            json.addProperty("client", m.example().client());
            json.addProperty("requestLine", m.example().requestLine());
            json.addProperty("userAgent", m.example().userAgent());
            json.addProperty("count", m.count());
            json.addProperty("fix", m.example().fix());
            wrong.add(json);
        }
        root.add("wrongPort", wrong);
        JsonObject rejected = new JsonObject();
        s.rejected().forEach(rejected::addProperty);
        root.add("rejected", rejected);
        JsonArray rejections = new JsonArray();
        for (Summary.Rejected r : s.rejections()) {
            Rejection e = r.example();
            JsonObject json = new JsonObject();
            json.addProperty("reason", e.reason());
            json.addProperty("count", r.count());
            json.addProperty("transport", e.transport());
            json.addProperty("method", e.method());
            json.addProperty("path", e.path());
            json.addProperty("contentType", e.contentType());
            json.addProperty("userAgent", e.userAgent());
            json.addProperty("status", e.status());
            json.addProperty("client", e.client());
            json.addProperty("message", e.why());
            json.addProperty("fix", e.fix());
            rejections.add(json);
        }
        root.add("rejections", rejections);
        JsonObject refused = new JsonObject();
        s.refused().forEach(refused::addProperty);
        root.add("refusedConnections", refused);
        JsonArray expected = new JsonArray();
        for (Expectation e : expectations) {
            JsonObject json = new JsonObject();
            json.addProperty("expectation", e.toString());
            json.addProperty("met", e.holds(s));
            json.addProperty("observed", e.observed(s));
            expected.add(json);
        }
        root.add("expectations", expected);
        if (verbose) {
            JsonArray recent = new JsonArray();
            for (Summary.Received r : s.recent()) {
                JsonObject item = new JsonObject();
                item.addProperty("at", r.at().toString());
                item.addProperty("signal", r.item().signal().label());
                item.addProperty("service", r.item().service());
                item.addProperty("name", r.item().name());
                item.addProperty("detail", r.item().detail());
                item.addProperty("protocol", r.protocol().value());
                item.addProperty("client", r.client());
                recent.add(item);
            }
            root.add("recent", recent);
        }
        return root;
    }

    /** Every application with its resource attributes, scopes and header names (never header values). */
    private static JsonArray applications(Summary s) {
        JsonArray apps = new JsonArray();
        for (Summary.Application a : s.applications()) {
            JsonObject app = new JsonObject();
            app.addProperty("service", a.service());
            app.addProperty("instanceId", a.instanceId());
            app.addProperty("sdk", a.sdk());
            app.addProperty("userAgent", a.userAgent());
            app.addProperty("otlpdoctorCheck", a.probe());
            JsonArray protocols = new JsonArray();
            a.protocols().forEach(protocols::add);
            app.add("protocols", protocols);
            JsonArray compressions = new JsonArray();
            a.compressions().forEach(compressions::add);
            app.add("compression", compressions);
            app.addProperty("connections", a.connections());
            app.addProperty("moreConnections", a.moreConnections());
            app.addProperty("firstSeen", a.firstSeen().toString());
            app.addProperty("lastSeen", a.lastSeen().toString());
            app.addProperty("requests", a.requests());
            JsonObject items = new JsonObject();
            for (Signal signal : Signal.values()) {
                if (a.items().containsKey(signal)) {
                    items.addProperty(signal.label(), a.items().get(signal));
                }
            }
            app.add("items", items);
            JsonObject resource = new JsonObject();
            a.attributes().forEach(resource::addProperty);
            app.add("resource", resource);
            JsonArray scopes = new JsonArray();
            a.scopes().forEach(scopes::add);
            app.add("scopes", scopes);
            // Names only; a credential header is listed among the headers and, once more, as present.
            JsonArray headers = new JsonArray();
            JsonArray credentials = new JsonArray();
            a.headers().forEach(h -> {
                headers.add(h);
                if (HeaderNames.credential(h)) {
                    credentials.add(h);
                }
            });
            app.add("headers", headers);
            app.add("credentialHeadersPresent", credentials);
            apps.add(app);
        }
        return apps;
    }
}
