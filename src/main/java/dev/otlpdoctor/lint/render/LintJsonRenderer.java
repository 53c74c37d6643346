package dev.otlpdoctor.lint.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.otlpdoctor.lint.LintResult;
import dev.otlpdoctor.report.JsonRenderer;
import java.io.PrintWriter;

/**
 * The lint JSON document: the header and finding schema shared with {@code check}, with the files linted;
 * each finding's evidence holds {@code file}, {@code line} and {@code column} (docs/lint.md).
 */
public final class LintJsonRenderer {
    public void render(LintResult result, PrintWriter out) {
        JsonObject root = JsonRenderer.header("lint");
        JsonArray files = new JsonArray();
        result.files().forEach(files::add);
        root.add("files", files);
        root.addProperty("status", result.status().label());
        root.addProperty("verdict", result.verdict());
        root.add("findings", JsonRenderer.findings(result.findings()));
        out.println(JsonRenderer.toString(root));
        out.flush();
    }
}
