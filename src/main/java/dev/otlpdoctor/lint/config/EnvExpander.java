package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands variable references in every scalar as the collector's confmap does (docs/collector-behaviour.md):
 * {@code ${env:NAME}}, {@code ${NAME}} (env is the default scheme), {@code ${env:NAME:-default}}, and
 * {@code $$} for a literal dollar. An unset variable becomes the empty string, as in the collector, and is
 * recorded; so is the bash style {@code $NAME}, which is left as written. References to other providers
 * ({@code ${file:…}}, {@code ${http:…}}) are left as written: lint does not fetch them.
 */
public final class EnvExpander {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([^}]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;
    private final List<EnvReference> unresolved = new ArrayList<>();
    /**
     * Scalars already expanded, by identity: every alias of an anchored scalar shares its string, so each
     * is scanned once however many aliases point at it (lint stays linear in the file, not in the aliases).
     */
    private final Map<String, String> expanded = new IdentityHashMap<>();

    public EnvExpander(Map<String, String> env) {
        this.env = env;
    }

    /** The same tree with every scalar expanded. */
    public YamlNode expand(YamlNode node) {
        switch (node.kind()) {
            case SCALAR:
                String expanded = expand(node.text(), node.location());
                return YamlNode.scalar(expanded, expanded.equals(node.text()) ? node.form()
                        : YamlNode.ScalarForm.SUBSTITUTED, node.location());
            case LIST:
                return YamlNode.list(node.items().stream().map(this::expand).toList(), node.location());
            case MAP:
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                node.entries().forEach((k, v) -> {
                    entries.put(k, expand(v));
                    keys.put(k, node.keyLocation(k));
                });
                return YamlNode.map(entries, keys, node.location());
            default:
                return node;
        }
    }

    /** References that were unset, or written in the bash style. */
    public List<EnvReference> unresolved() {
        return List.copyOf(unresolved);
    }

    private String expand(String text, Location location) {
        return expanded.computeIfAbsent(text, t -> expandOnce(t, location));
    }

    private String expandOnce(String text, Location location) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m, location)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replacement(Matcher m, Location location) {
        if (m.group().equals("$$")) {
            return "$";
        }
        if (m.group(2) != null) {
            unresolved.add(new EnvReference(m.group(), m.group(2), true, location));
            return m.group();
        }
        String inner = m.group(1);
        String reference = inner;
        if (inner.startsWith("env:")) {
            reference = inner.substring(4);
        } else if (inner.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return m.group(); // another provider (file:, http:, yaml:…): not resolved offline
        }
        String fallback = null;
        int dash = reference.indexOf(":-");
        if (dash >= 0) {
            fallback = reference.substring(dash + 2);
            reference = reference.substring(0, dash);
        }
        String value = ENV_NAME.matcher(reference).matches() ? env.get(reference) : null;
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        unresolved.add(new EnvReference(m.group(), reference, false, location));
        return "";
    }
}
