package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.otlpdoctor.report.JsonRenderer;
import java.util.List;

/** The {@code -o json} document of listen: one object with the common header. */
final class SummaryJson {
    private SummaryJson() {
    }

    static JsonObject of(Summary s, OtlpServers listener, List<Expectation> expectations, boolean verbose) {
        JsonObject root = JsonRenderer.header("listen");
        boolean met = expectations.stream().allMatch(e -> e.holds(s));
        root.addProperty("status", met ? "pass" : "fail");
        root.addProperty("durationMs", s.durationMs());
        JsonObject endpoints = new JsonObject();
        endpoints.add("grpc", listener.grpcPort() == ListenConfig.OFF ? JsonNull.INSTANCE
                : new com.google.gson.JsonPrimitive(Banner.endpoint(listener.config(), listener.grpcPort())));
        endpoints.add("http", listener.httpPort() == ListenConfig.OFF ? JsonNull.INSTANCE
                : new com.google.gson.JsonPrimitive(Banner.endpoint(listener.config(), listener.httpPort())));
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
        JsonObject rejected = new JsonObject();
        s.rejected().forEach(rejected::addProperty);
        root.add("rejected", rejected);
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
}
