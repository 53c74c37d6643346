package dev.otlpdoctor.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints catalog entries: one entry for {@code explain CODE} (text or JSON), the list for
 * {@code explain --list}, and the Markdown of {@code docs/findings.md}.
 */
public final class CatalogRenderer {
    private final Style style;

    public CatalogRenderer(Style style) {
        this.style = style;
    }

    public void text(CatalogEntry entry, PrintWriter out) {
        out.println(style.bold(entry.code()) + "  " + style.mark(entry.severity()));
        out.println(entry.title());
        out.println();
        out.println(style.bold("Cause"));
        out.println("  " + entry.cause());
        out.println();
        out.println(style.bold("Evidence"));
        out.println("  " + entry.evidence());
        if (!entry.remediation().isEmpty()) {
            out.println();
            out.println(style.bold("Fix"));
            for (int i = 0; i < entry.remediation().size(); i++) {
                out.println("  " + (i + 1) + ". " + entry.remediation().get(i));
            }
        }
        out.println();
        out.println(style.faint("Placeholders in {braces} are filled with what the probe observed."));
    }

    public void list(List<CatalogEntry> entries, PrintWriter out) {
        int width = entries.stream().mapToInt(e -> e.code().length()).max().orElse(10);
        for (CatalogEntry entry : entries) {
            out.println(String.format("%-" + width + "s  ", entry.code()) + style.mark(entry.severity()) + "  "
                    + entry.title());
        }
    }

    public static JsonObject json(CatalogEntry entry) {
        JsonObject json = JsonRenderer.header("explain");
        json.addProperty("code", entry.code());
        json.addProperty("severity", entry.severity().label());
        json.addProperty("title", entry.title());
        json.addProperty("cause", entry.cause());
        json.addProperty("evidence", entry.evidence());
        JsonArray steps = new JsonArray();
        entry.remediation().forEach(steps::add);
        json.add("remediation", steps);
        return json;
    }

    /** The whole of docs/findings.md, generated from the catalog. */
    public static String markdown(List<CatalogEntry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("# Finding codes\n\n")
                .append("Every finding otlpdoctor reports has a stable code. This page is generated from the catalog in\n")
                .append("the code (`dev.otlpdoctor.report.catalog`) and checked against it by the build; ")
                .append("`otlpdoctor explain CODE`\nprints the same text. Placeholders in `{braces}` are ")
                .append("filled with what the probe observed.\n\n")
                .append("Severities: `pass` (proven to work), `info` (worth knowing), `skip` (not checked, with the ")
                .append("reason),\n`warn` (works, but likely to bite; fails the run with `--strict`), `fail` ")
                .append("(does not work; exit code 1).\n\n");
        md.append("| code | severity | title |\n| --- | --- | --- |\n");
        for (CatalogEntry e : entries) {
            md.append("| [`").append(e.code()).append("`](#").append(e.code().replace(".", "")).append(") | ")
                    .append(e.severity().label()).append(" | ").append(e.title().replace("|", "\\|")).append(" |\n");
        }
        for (CatalogEntry e : entries) {
            md.append("\n## ").append(e.code()).append("\n\n")
                    .append("Severity: `").append(e.severity().label()).append("` · ").append(e.title()).append("\n\n")
                    .append("**Cause.** ").append(e.cause()).append("\n\n")
                    .append("**Evidence.** ").append(e.evidence()).append("\n");
            if (!e.remediation().isEmpty()) {
                md.append("\n**Fix.**\n\n");
                for (int i = 0; i < e.remediation().size(); i++) {
                    md.append(i + 1).append(". ").append(e.remediation().get(i)).append("\n");
                }
            }
        }
        return md.toString();
    }
}
