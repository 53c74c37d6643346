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
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * SARIF 2.1.0 for code scanning (GitHub uploads it with {@code github/codeql-action/upload-sarif}): one run
 * of the otlpdoctor driver, its rules taken from the catalog, one result per finding with the physical
 * location {@code startLine}/{@code startColumn}. A file under the source root is named relative to it,
 * with the base {@code %SRCROOT%}, so code scanning maps the result to the file in the repository
 * wherever the workflow checked it out.
 */
public final class SarifRenderer {
    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The base of every artifact URI under the source root; {@code originalUriBaseIds} says where it is. */
    public static final String SOURCE_ROOT_BASE = "%SRCROOT%";

    private final List<CatalogEntry> rules;
    private final Path sourceRoot;

    /**
     * @param rules the catalog entries lint can report, in catalog order
     * @param sourceRoot the directory artifact URIs are relative to (the repository's root in a workflow)
     */
    public SarifRenderer(List<CatalogEntry> rules, Path sourceRoot) {
        this.rules = List.copyOf(rules);
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
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
        driver.addProperty("informationUri", Version.projectUrl());
        JsonArray ruleArray = new JsonArray();
        rules.forEach(entry -> ruleArray.add(rule(entry)));
        driver.add("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        for (Finding finding : result.findings()) {
            results.add(result(finding));
        }
        JsonObject root = new JsonObject();
        root.addProperty("uri", sourceRoot.toUri().toString());
        root.add("description", message("The directory lint's file names are relative to."));
        JsonObject baseIds = new JsonObject();
        baseIds.add(SOURCE_ROOT_BASE, root);
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("originalUriBaseIds", baseIds);
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
        rule.addProperty("name", RuleText.name(entry.code()));
        rule.add("shortDescription", message(RuleText.shortDescription(entry.code())));
        rule.add("fullDescription", message(entry.cause()));
        rule.addProperty("helpUri", RuleText.helpUri(entry.code()));
        rule.add("help", message(RuleText.helpText(entry)));
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
        JsonObject artifact = artifactLocation(at.file());
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

    /**
     * A file under the source root: a relative URI reference with forward slashes and the base
     * {@code %SRCROOT%}, as code scanning matches it against the repository. A file elsewhere: its absolute
     * {@code file:} URI. Standard input (and a finding without a file): the name as given.
     */
    JsonObject artifactLocation(String file) {
        JsonObject artifact = new JsonObject();
        if (file.equals("stdin") || file.equals("unknown")) {
            artifact.addProperty("uri", file);
            return artifact;
        }
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            artifact.addProperty("uri", file);
            return artifact;
        }
        if (path.startsWith(sourceRoot) && !path.equals(sourceRoot)) {
            artifact.addProperty("uri", relativeUri(sourceRoot.relativize(path)));
            artifact.addProperty("uriBaseId", SOURCE_ROOT_BASE);
        } else {
            artifact.addProperty("uri", path.toUri().toString());
        }
        return artifact;
    }

    /**
     * Each name of the relative path as a URI path segment (RFC 3986: unreserved characters and the
     * sub-delimiters as they are, every other UTF-8 byte percent-encoded; ':' too, which in a first segment
     * would read as a scheme), joined with forward slashes.
     */
    static String relativeUri(Path relative) {
        StringBuilder uri = new StringBuilder();
        for (Path name : relative) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            for (byte b : name.toString().getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@".indexOf(c) >= 0)) {
                    uri.append(c);
                } else {
                    uri.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return uri.toString();
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
