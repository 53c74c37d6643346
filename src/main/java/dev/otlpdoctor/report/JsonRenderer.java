package dev.otlpdoctor.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.otlpdoctor.Version;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of SPEC §6 ({@code docs/json-schema.json}, schemaVersion 1): one document on stdout.
 * {@code target} is the first target, for the common single-target case; {@code targets} lists all.
 */
public final class JsonRenderer {
    public static final int SCHEMA_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    public void render(Report report, PrintWriter out) {
        out.println(GSON.toJson(toJson(report)));
        out.flush();
    }

    /** The document of a report, for commands that embed it in their own (env --check). */
    public JsonObject toJson(Report report) {
        JsonObject root = header(report.command());
        JsonArray targets = new JsonArray();
        report.results().forEach(r -> targets.add(target(report, r)));
        root.add("target", targets.isEmpty() ? JsonNull.INSTANCE : targets.get(0));
        root.add("targets", targets);
        root.addProperty("status", report.status().label());
        root.addProperty("verdict", report.verdict());
        root.addProperty("durationMs", report.durationMs());
        root.add("diagnosis", report.diagnosis() == null ? JsonNull.INSTANCE : diagnosis(report.diagnosis()));
        JsonArray probes = new JsonArray();
        for (ProbeRun run : report.probes()) {
            JsonObject probe = new JsonObject();
            probe.addProperty("id", run.probe());
            probe.addProperty("endpoint", run.endpoint());
            probe.addProperty("status", run.status().label());
            probe.addProperty("durationMs", run.durationMs());
            probe.add("findings", findings(run.findings()));
            probes.add(probe);
        }
        root.add("probes", probes);
        root.add("findings", findings(report.findings()));
        return root;
    }

    /** The fields every otlpdoctor JSON document starts with. */
    public static JsonObject header(String command) {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "otlpdoctor");
        tool.addProperty("version", Version.get());
        root.add("tool", tool);
        root.addProperty("command", command);
        return root;
    }

    public static String toString(JsonElement element) {
        return GSON.toJson(element);
    }

    private static JsonObject target(Report report, TargetResult result) {
        Target target = result.target();
        JsonObject json = new JsonObject();
        json.addProperty("input", target.input());
        json.addProperty("host", target.host());
        json.add("source", source(target.source()));
        json.add("addresses", GSON.toJsonTree(result.addresses()));
        JsonArray endpoints = new JsonArray();
        for (Endpoint endpoint : target.endpoints()) {
            JsonObject e = new JsonObject();
            e.addProperty("protocol", endpoint.transport().label());
            e.addProperty("address", endpoint.host());
            e.addProperty("port", endpoint.port());
            e.addProperty("tls", endpoint.tls());
            e.addProperty("basePath", endpoint.basePath());
            e.addProperty("protocolReason", endpoint.transportReason());
            if (!endpoint.tlsReason().isEmpty()) {
                e.addProperty("tlsReason", endpoint.tlsReason());
            }
            endpoints.add(e);
        }
        json.add("endpoints", endpoints);
        json.addProperty("status", result.status().label());
        json.addProperty("verdict", result.verdict());
        json.add("diagnosis", result.diagnosis() == null ? JsonNull.INSTANCE : diagnosis(result.diagnosis()));
        return json;
    }

    private static JsonObject source(Source source) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", source.kind());
        json.addProperty("name", source.name());
        return json;
    }

    private static JsonObject diagnosis(Diagnosis diagnosis) {
        JsonObject json = new JsonObject();
        json.addProperty("code", diagnosis.code());
        json.addProperty("hop", diagnosis.hop().label());
        json.addProperty("title", diagnosis.title());
        json.addProperty("summary", diagnosis.summary());
        json.add("remediation", GSON.toJsonTree(diagnosis.remediation()));
        json.add("alsoCheck", GSON.toJsonTree(diagnosis.alsoCheck()));
        return json;
    }

    /** Findings in the shared finding schema (also used by other commands' documents). */
    public static JsonArray findings(List<Finding> findings) {
        JsonArray array = new JsonArray();
        for (Finding f : findings) {
            JsonObject json = new JsonObject();
            json.addProperty("code", f.code());
            json.addProperty("severity", f.severity().label());
            json.addProperty("hop", Hop.of(f.code()).label());
            json.addProperty("probe", f.probe());
            json.addProperty("endpoint", f.endpoint());
            json.addProperty("title", f.title());
            json.addProperty("detail", f.detail());
            JsonObject evidence = new JsonObject();
            for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
                evidence.add(e.getKey(), GSON.toJsonTree(e.getValue()));
            }
            json.add("evidence", evidence);
            json.add("remediation", GSON.toJsonTree(f.remediation()));
            array.add(json);
        }
        return array;
    }
}
