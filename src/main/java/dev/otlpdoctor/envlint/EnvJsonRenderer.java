package dev.otlpdoctor.envlint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.report.JsonRenderer;
import dev.otlpdoctor.target.ExporterEndpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.ExporterTls;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import java.io.PrintWriter;

/** The JSON document of {@code env} (docs/env.md): one document on stdout, header values never included. */
public final class EnvJsonRenderer {

    public void render(EnvReport report, PrintWriter out) {
        out.println(JsonRenderer.toString(toJson(report)));
        out.flush();
    }

    JsonObject toJson(EnvReport report) {
        JsonObject root = JsonRenderer.header("env");
        EnvInput input = report.input();
        JsonObject in = new JsonObject();
        in.addProperty("kind", input.kind());
        in.addProperty("description", input.description());
        in.addProperty("path", input.path());
        in.addProperty("container", input.container());
        root.add("input", in);
        JsonObject where = new JsonObject();
        where.add("inContainer", input.where().known() ? new JsonPrimitive(input.where().inContainer())
                : JsonNull.INSTANCE);
        where.addProperty("reason", input.where().reason());
        root.add("runtime", where);
        root.addProperty("status", report.status().label());
        root.addProperty("verdict", report.verdict());
        JsonArray signals = new JsonArray();
        report.signals().forEach(s -> signals.add(signal(s)));
        root.add("signals", signals);
        root.add("findings", JsonRenderer.findings(report.findings()));
        root.add("check", report.check() == null ? JsonNull.INSTANCE : new JsonRenderer().toJson(report.check()));
        JsonArray notes = new JsonArray();
        report.checkNotes().forEach(notes::add);
        root.add("checkNotReproduced", notes);
        return root;
    }

    private static JsonObject signal(SignalExporter signal) {
        JsonObject json = new JsonObject();
        json.addProperty("signal", signal.signal().label());
        json.addProperty("otlpEnabled", signal.otlpEnabled());
        json.add("exporter", setting(signal.exporter()));
        ExporterEndpoint endpoint = signal.endpoint();
        if (endpoint == null) {
            json.add("endpoint", JsonNull.INSTANCE);
        } else {
            JsonObject e = new JsonObject();
            e.addProperty("url", endpoint.url());
            e.addProperty("scheme", endpoint.scheme());
            e.addProperty("host", endpoint.host());
            e.addProperty("port", endpoint.port());
            e.addProperty("path", endpoint.path());
            e.addProperty("perSignal", endpoint.perSignal());
            e.add("source", source(endpoint.setting()));
            json.add("endpoint", e);
        }
        JsonObject protocol = new JsonObject();
        protocol.addProperty("value", signal.protocol() == null ? null : signal.protocol().value());
        protocol.add("source", source(signal.option(ExporterOption.PROTOCOL).orElse(null)));
        json.add("protocol", protocol);
        JsonObject headers = new JsonObject();
        Setting headerSetting = signal.option(ExporterOption.HEADERS).orElse(null);
        JsonArray names = new JsonArray();
        if (headerSetting != null) {
            OtlpHeaders.parseList(headerSetting.value(), OtlpHeaders.ENV).names().forEach(names::add);
        }
        headers.add("names", names);
        headers.add("source", source(headerSetting));
        json.add("headers", headers);
        ExporterTls tls = signal.tls();
        JsonObject t = new JsonObject();
        t.addProperty("enabled", tls.enabled());
        t.addProperty("reason", tls.reason());
        t.add("insecure", setting(signal.option(ExporterOption.INSECURE).orElse(null)));
        t.add("certificate", setting(signal.option(ExporterOption.CERTIFICATE).orElse(null)));
        t.add("clientCertificate", setting(signal.option(ExporterOption.CLIENT_CERTIFICATE).orElse(null)));
        t.add("clientKey", setting(signal.option(ExporterOption.CLIENT_KEY).orElse(null)));
        json.add("tls", t);
        json.add("timeout", setting(signal.option(ExporterOption.TIMEOUT).orElse(null)));
        json.add("compression", setting(signal.option(ExporterOption.COMPRESSION).orElse(null)));
        return json;
    }

    /** {@code {"value": …, "source": …}}; never used for headers, whose values may be secret. */
    private static JsonElement setting(Setting setting) {
        if (setting == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject json = new JsonObject();
        json.addProperty("value", setting.value().trim());
        json.add("source", source(setting));
        return json;
    }

    /** {@code {"variable": …, "kind": "env|file|manifest", "location": …}}, or null for a default. */
    private static JsonElement source(Setting setting) {
        if (setting == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject json = new JsonObject();
        json.addProperty("variable", setting.variable());
        json.addProperty("kind", setting.source().kind());
        json.addProperty("location", setting.source().name());
        return json;
    }
}
