package dev.otlpdoctor.lint.render;

import dev.otlpdoctor.Version;
import dev.otlpdoctor.report.CatalogEntry;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of a SARIF rule, made from its catalog entry. Code scanning shows a rule's short description
 * as the alert's name, so it must read without a finding's values: a catalog title has
 * {@code {placeholders}} that only a finding fills, and the code itself names the rule in words.
 */
final class RuleText {
    /** How the first part of a code reads: the area the rule belongs to. */
    private static final Map<String, String> AREAS = Map.of(
            "config", "Collector config",
            "k8s", "Kubernetes manifest");

    private RuleText() {
    }

    /** {@code config.receiver-undefined} → {@code Collector config: receiver undefined}. */
    static String shortDescription(String code) {
        int dot = code.indexOf('.');
        String area = code.substring(0, dot);
        return AREAS.getOrDefault(area, capitalized(area)) + ": " + code.substring(dot + 1).replace('-', ' ').replace('.', ' ');
    }

    /** {@code config.receiver-undefined} → {@code ConfigReceiverUndefined}: SARIF's identifier-like name. */
    static String name(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.split("[.-]")) {
            name.append(capitalized(word));
        }
        return name.toString();
    }

    /** The entry's section of docs/findings.md in the project's repository. */
    static String helpUri(String code) {
        return Version.projectUrl() + "/blob/main/docs/findings.md#" + code.replace(".", "");
    }

    /** The fix, step by step (for a finding that only reports what it saw, that there is none), and where to read more. */
    static String helpText(CatalogEntry entry) {
        StringBuilder help = new StringBuilder(entry.cause()).append("\n\n");
        help.append(entry.remediation().isEmpty() ? "Nothing to fix: this finding reports what was observed.\n" : "Fix:\n");
        for (int i = 0; i < entry.remediation().size(); i++) {
            help.append(i + 1).append(". ").append(entry.remediation().get(i)).append('\n');
        }
        return help.append("\nPlaceholders in {braces} are filled in each result's message. More: otlpdoctor explain ")
                .append(entry.code()).toString();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
