package dev.otlpdoctor.lint.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.otlpdoctor.Version;
import dev.otlpdoctor.lint.LintResult;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.JsonRenderer;
import dev.otlpdoctor.report.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * SARIF 2.1.0 for code scanning (GitHub uploads it with {@code github/codeql-action/upload-sarif}): one run
 * of the otlpdoctor driver, its rules taken from the catalog, one result per finding with the physical
 * location {@code startLine}/{@code startColumn}.
 */
public final class SarifRenderer {
    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private final List<CatalogEntry> rules;

    /** @param rules the catalog entries lint can report, in catalog order */
    public SarifRenderer(List<CatalogEntry> rules) {
        this.rules = List.copyOf(rules);
    }

    public void render(LintResult result, PrintWriter out) {
        out.println(JsonRenderer.toString(toJson(result)));
        out.flush();
    }

    JsonObject toJson(LintResult result) {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "otlpdoctor");
        driver.addProperty("version", Version.get());
        driver.addProperty("semanticVersion", Version.get().replaceFirst("-SNAPSHOT$", ""));
        JsonArray ruleArray = new JsonArray();
        rules.forEach(entry -> ruleArray.add(rule(entry)));
        driver.add("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        for (Finding finding : result.findings()) {
            results.add(result(finding));
        }
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);

        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        return log;
    }

    private static JsonObject rule(CatalogEntry entry) {
        JsonObject rule = new JsonObject();
        rule.addProperty("id", entry.code());
        rule.add("shortDescription", message(entry.title()));
        rule.add("fullDescription", message(entry.cause()));
        rule.add("help", message(String.join("\n", entry.remediation())));
        JsonObject configuration = new JsonObject();
        configuration.addProperty("level", level(entry.severity()));
        rule.add("defaultConfiguration", configuration);
        return rule;
    }

    private JsonObject result(Finding finding) {
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", finding.code());
        int index = rules.indexOf(finding.entry());
        if (index >= 0) {
            result.addProperty("ruleIndex", index);
        }
        result.addProperty("level", level(finding.severity()));
        result.add("message", message(finding.detail().isEmpty() ? finding.title() : finding.title() + ". " + finding.detail()));
        Location at = Located.of(finding).orElse(new Location("unknown", 1, 1));
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri(at.file()));
        JsonObject region = new JsonObject();
        region.addProperty("startLine", Math.max(1, at.line()));
        region.addProperty("startColumn", Math.max(1, at.column()));
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        JsonArray locations = new JsonArray();
        locations.add(location);
        result.add("locations", locations);
        return result;
    }

    /** A relative URI reference with forward slashes, as code scanning matches it against the repository. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path.replace(" ", "%20");
    }

    private static JsonObject message(String text) {
        JsonObject message = new JsonObject();
        message.addProperty("text", text);
        return message;
    }

    /** SARIF levels: fail is an error, warn a warning, everything else a note. */
    static String level(Severity severity) {
        return switch (severity) {
            case FAIL -> "error";
            case WARN -> "warning";
            default -> "note";
        };
    }
}
