package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.config.EnvReference;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decodes a config against the component schemas the way the collector decodes it into its config structs
 * (confmap with mapstructure: unknown keys refused, no weak typing, durations parsed from strings,
 * comma-separated strings taken as lists), then checks what the structs' UnmarshalText and Validate
 * methods refuse (enum values, required keys). Scalars that hold a reference lint could not resolve
 * (an unset variable, a {@code ${file:…}}) are not judged: {@code config.env-unset} is their note.
 */
public final class SchemaChecker {
    private static final List<String> TOP_LEVEL = List.of("receivers", "processors", "exporters", "connectors",
            "extensions", "service");

    private static final SchemaNode BOOLEAN = SchemaNode.of(SchemaNode.Type.BOOLEAN);
    private static final SchemaNode STRING = SchemaNode.of(SchemaNode.Type.STRING);

    private final SchemaSet schemas;
    private final CollectorVersion version;
    private final Set<Location> unresolved;
    private final List<SchemaProblem> problems = new ArrayList<>();
    private final List<Component> unchecked = new ArrayList<>();

    private SchemaChecker(SchemaSet schemas, CollectorVersion version, List<EnvReference> references) {
        this.schemas = schemas;
        this.version = version;
        this.unresolved = references.stream().filter(r -> !r.bare()).map(EnvReference::location)
                .collect(Collectors.toSet());
    }

    /** Checks a merged, expanded config against the shipped schemas. */
    public static SchemaReport check(CollectorConfig config, CollectorVersion version, List<EnvReference> references) {
        return check(SchemaSet.shipped(), config, version, references);
    }

    static SchemaReport check(SchemaSet schemas, CollectorConfig config, CollectorVersion version,
                              List<EnvReference> references) {
        SchemaChecker checker = new SchemaChecker(schemas, version, references);
        checker.checkConfig(config);
        return new SchemaReport(checker.problems, checker.unchecked, schemas.release().toString());
    }

    private void checkConfig(CollectorConfig config) {
        YamlNode root = config.root();
        Scope top = new Scope("config", null, null, "", "");
        for (String key : root.entries().keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                invalidKey(top, root, key, List.of(), KeySuggestion.closest(key, TOP_LEVEL), null);
            }
        }
        for (String section : CollectorConfig.SECTIONS) {
            YamlNode sectionNode = root.get(section);
            if (sectionNode != null && !sectionNode.isMap() && sectionNode.kind() != YamlNode.Kind.NULL) {
                wrongType(top, section, sectionNode, SchemaNode.Type.MAP);
            }
            for (Component component : config.section(section).values()) {
                Optional<ComponentSchema> schema = schemas.component(section, component.id().type());
                if (schema.isEmpty()) {
                    unchecked.add(component);
                    continue;
                }
                Scope scope = new Scope(component.id().toString(), section, component.id().type(),
                        section + "." + component.id(), "");
                check(scope, List.of(), component.body(), schema.get().schema(), component.location());
            }
        }
        YamlNode service = root.get("service");
        if (service != null) {
            check(new Scope("service", null, null, "service", "service"), List.of(), service,
                    schemas.service().schema(), root.keyLocation("service"));
        }
    }

    /**
     * Where a value is: the component it belongs to and the path the collector names in its errors.
     *
     * @param component the component ID, or {@code service} / {@code config}
     * @param section its section, null outside components
     * @param type its type, null outside components
     * @param label the dotted path of the component from the config's top ({@code receivers.otlp})
     * @param decoderPath the path the collector's decoder starts from for this component
     */
    private record Scope(String component, String section, String type, String label, String decoderPath) {
        /** How removal data names this place: {@code section/type}, {@code service}, or null (top level). */
        String schemaId() {
            return section != null ? section + "/" + type : component.equals("service") ? "service" : null;
        }

        /** The dotted path findings show: {@code service.pipelines.traces.receivers}. */
        String display(List<String> path) {
            return join(label, path.stream().map(e -> isElement(e) ? e.substring(1, e.length() - 1) : e)
                    .collect(Collectors.joining(".")));
        }

        /** The path as mapstructure names it: map keys and list indices in brackets ({@code pipelines[traces]}). */
        String decoder(List<String> path) {
            StringBuilder out = new StringBuilder(decoderPath);
            for (String e : path) {
                if (!isElement(e) && out.length() > 0) {
                    out.append('.');
                }
                out.append(e);
            }
            return out.toString();
        }

        private static String join(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
        }
    }

    private void check(Scope scope, List<String> path, YamlNode value, SchemaNode schema, Location keyLocation) {
        if (schema.type() == SchemaNode.Type.ANY || skipped(value)) {
            return;
        }
        switch (schema.type()) {
            case OBJECT -> checkObject(scope, path, value, schema, keyLocation);
            case MAP -> {
                if (value.isMap()) {
                    value.entries().forEach((k, v) -> check(scope, with(path, element(k)), v, schema.values(), value.keyLocation(k)));
                } else if (value.kind() != YamlNode.Kind.NULL) {
                    wrongType(scope, path, value, schema.type());
                }
            }
            case ARRAY -> checkArray(scope, path, value, schema);
            case HEADERS -> checkHeaders(scope, path, value);
            default -> checkScalar(scope, path, value, schema);
        }
    }

    private void checkObject(Scope scope, List<String> path, YamlNode value, SchemaNode schema, Location keyLocation) {
        if (value.kind() != YamlNode.Kind.NULL && !value.isMap()) {
            wrongType(scope, path, value, schema.type());
            return;
        }
        for (Map.Entry<String, YamlNode> entry : value.entries().entrySet()) {
            String key = entry.getKey();
            SchemaNode child = schema.properties().get(key);
            if (child != null) {
                check(scope, with(path, key), entry.getValue(), child, value.keyLocation(key));
            } else if (key.equals("enabled") && schema.optional()) {
                checkScalar(scope, with(path, key), entry.getValue(), BOOLEAN);
            } else if (!removedKey(scope, path, value, key, schema) && !schema.open()) {
                unknownKey(scope, path, value, key, schema);
            }
        }
        checkRequired(scope, path, value, schema, keyLocation);
        checkConstraints(scope, path, value, schema);
    }

    /** The comparisons of the struct's Validate, on the integers written (values lint cannot read are skipped). */
    private void checkConstraints(Scope scope, List<String> path, YamlNode value, SchemaNode schema) {
        for (Constraint c : schema.constraints()) {
            if (c.prefix() != null) {
                YamlNode written = value.get(c.key());
                YamlNode unless = c.unless() == null ? null : value.get(c.unless());
                boolean off = unless != null && unless.isScalar() && ValueType.of(unless) == ValueType.BOOLEAN
                        && unless.text().equalsIgnoreCase("true");
                if (!off && written != null && written.isScalar() && !skipped(written)
                        && ValueType.of(written) == ValueType.STRING && !written.text().startsWith(c.prefix())) {
                    invalidValue(scope, with(path, c.key()), written, c, c.key() + " '" + written.text()
                            + "' does not start with " + c.prefix(), "Write " + c.key() + ": " + c.prefix()
                            + written.text() + ".");
                }
            } else if (c.key() != null) {
                Optional<Long> smaller = integer(value.get(c.key()));
                Optional<Long> than = integer(value.get(c.than()));
                if (smaller.isPresent() && than.isPresent() && than.get() > 0 && smaller.get() >= than.get()) {
                    invalidValue(scope, with(path, c.key()), value.get(c.key()), c, c.key() + " (" + smaller.get()
                            + ") must be smaller than " + c.than() + " (" + than.get() + ")",
                            "Set " + c.key() + " below " + c.than() + " (about 20% of it is usual, e.g. " + c.key() + ": "
                                    + than.get() / 5 + "), or raise " + c.than() + ".");
                }
            }
            for (String key : c.keys()) {
                Optional<Long> written = integer(value.get(key));
                if (written.isPresent() && written.get() > c.atMost()) {
                    invalidValue(scope, with(path, key), value.get(key), c, key + " (" + written.get() + ") is above "
                            + c.atMost(), "Set " + key + " to at most " + c.atMost() + ".");
                }
            }
        }
    }

    private void invalidValue(Scope scope, List<String> path, YamlNode value, Constraint c, String problem, String fix) {
        Map<String, Object> facts = evidence(scope, path, "value", value.text(), "problem", problem,
                "collectorMessage", c.message());
        facts.put("fix", fix);
        add(SchemaProblem.Kind.INVALID_VALUE, Severity.FAIL, value.location(), facts,
                "The collector refuses the config: " + c.message() + (c.source() == null ? "." : " (" + c.source() + ")."));
    }

    /** A plain integer as written (not a reference lint could not resolve), if it is one. */
    private Optional<Long> integer(YamlNode node) {
        if (node == null || !node.isScalar() || skipped(node) || ValueType.of(node) != ValueType.INTEGER) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.decode(node.text().replace("_", "").replaceFirst("^\\+", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void checkArray(Scope scope, List<String> path, YamlNode value, SchemaNode schema) {
        if (value.isList()) {
            for (int i = 0; i < value.items().size(); i++) {
                YamlNode item = value.items().get(i);
                check(scope, with(path, element(String.valueOf(i))), item, schema.items(), item.location());
            }
        } else if (value.isScalar() && ValueType.of(value) == ValueType.STRING
                && schema.items().type() == SchemaNode.Type.STRING && !schema.noSplit()) {
            // The collector splits a string on commas into a list of strings (StringToSliceHookFunc).
            return;
        } else if (value.kind() != YamlNode.Kind.NULL) {
            wrongType(scope, path, value, schema.type());
        }
    }

    private void checkHeaders(Scope scope, List<String> path, YamlNode value) {
        if (value.isMap()) {
            value.entries().forEach((name, v) -> checkScalar(scope, with(path, element(name)), v, STRING));
        } else if (value.isList()) {
            for (int i = 0; i < value.items().size(); i++) {
                YamlNode item = value.items().get(i);
                List<String> itemPath = with(path, element(String.valueOf(i)));
                if (!item.isMap()) {
                    wrongType(scope, itemPath, item, SchemaNode.Type.OBJECT);
                    continue;
                }
                for (Map.Entry<String, YamlNode> e : item.entries().entrySet()) {
                    if (e.getKey().equals("name") || e.getKey().equals("value")) {
                        checkScalar(scope, with(itemPath, e.getKey()), e.getValue(), STRING);
                    } else {
                        String suggestion = KeySuggestion.closest(e.getKey(), List.of("name", "value"));
                        invalidKey(scope, item, e.getKey(), itemPath, suggestion, null);
                    }
                }
            }
        } else if (value.kind() != YamlNode.Kind.NULL) {
            wrongType(scope, path, value, SchemaNode.Type.HEADERS);
        }
    }

    private void checkScalar(Scope scope, List<String> path, YamlNode value, SchemaNode schema) {
        if (skipped(value) || value.kind() == YamlNode.Kind.NULL) {
            return;
        }
        if (!value.isScalar()) {
            wrongType(scope, path, value, schema.type());
            return;
        }
        ValueType actual = ValueType.of(value);
        boolean substituted = value.form() == YamlNode.ScalarForm.SUBSTITUTED;
        switch (schema.type()) {
            case STRING -> {
                // A value from ${env:…} is decoded as the original text where a string is wanted.
                if (actual == ValueType.INTEGER && schema.alsoInteger()) {
                    return;
                }
                if (actual != ValueType.STRING && !substituted) {
                    wrongType(scope, path, value, schema.type());
                } else if (!schema.allows(value.text())) {
                    enumValue(scope, path, value, schema);
                }
            }
            case INTEGER, NUMBER -> {
                // mapstructure truncates a decimal number into an integer field without complaint.
                if (actual != ValueType.INTEGER && actual != ValueType.FLOAT) {
                    wrongType(scope, path, value, schema.type());
                } else if (schema.unsigned() && value.text().startsWith("-")) {
                    add(SchemaProblem.Kind.WRONG_TYPE, Severity.FAIL, value.location(),
                            evidence(scope, path, "expected", "a number of 0 or more", "actual", "a negative number"),
                            "The setting is an unsigned integer: the collector refuses the config (\"cannot parse '"
                                    + last(path) + "', " + value.text() + " overflows uint\").");
                }
            }
            case BOOLEAN -> {
                if (actual != ValueType.BOOLEAN) {
                    wrongType(scope, path, value, schema.type());
                }
            }
            case DURATION -> checkDuration(scope, path, value, actual);
            default -> {
            }
        }
    }

    private void checkDuration(Scope scope, List<String> path, YamlNode value, ValueType actual) {
        String text = value.text();
        if (actual == ValueType.INTEGER || actual == ValueType.FLOAT) {
            if (!text.replaceAll("[-+._0]", "").isEmpty()) {
                add(SchemaProblem.Kind.DURATION_UNIT, Severity.WARN, value.location(),
                        evidence(scope, path, "value", text, "unit", "nanoseconds"),
                        "A number without a unit is read as nanoseconds: " + text + " means " + text
                                + "ns, not seconds. The collector starts, but the setting is almost certainly not what was meant.");
            }
        } else if (actual == ValueType.BOOLEAN) {
            wrongType(scope, path, value, SchemaNode.Type.DURATION);
        } else if (!GoDuration.valid(text)) {
            boolean noUnit = GoDuration.missingUnit(text);
            add(SchemaProblem.Kind.DURATION_UNIT, Severity.FAIL, value.location(),
                    evidence(scope, path, "value", text, "unit", noUnit ? "missing" : "invalid"),
                    "The collector refuses the config: time: " + (noUnit ? "missing unit in duration" : "invalid duration")
                            + " \"" + text + "\". Durations are written with a unit: ns, us, ms, s, m or h (e.g. 5s, 200ms, 1m30s).");
        }
    }

    private void checkRequired(Scope scope, List<String> path, YamlNode value, SchemaNode schema, Location keyLocation) {
        for (List<String> group : schema.requiredOneOf()) {
            boolean set = group.stream().anyMatch(key -> {
                YamlNode v = value.get(key);
                return v != null && v.kind() != YamlNode.Kind.NULL
                        && !(v.isScalar() && v.text().isEmpty() && v.form() != YamlNode.ScalarForm.SUBSTITUTED);
            });
            if (!set) {
                Map<String, Object> facts = evidence(scope, path, "missing", String.join(" or ", group));
                facts.put("collectorMessage", schema.message() == null ? "" : schema.message());
                add(SchemaProblem.Kind.REQUIRED_MISSING, Severity.FAIL, keyLocation, facts,
                        "The collector refuses the config when " + String.join(" or ", group) + " is not set"
                                + (schema.message() == null ? "." : "; it says: " + schema.message() + "."));
            }
        }
    }

    /**
     * Reports a key the collector removed or renamed (also where the section is open: removal data is exact),
     * when the release checked against no longer takes it.
     *
     * @return whether the key is a removed one, reported or not
     */
    private boolean removedKey(Scope scope, List<String> path, YamlNode parent, String key, SchemaNode schema) {
        if (scope.schemaId() == null) {
            return false;
        }
        Optional<RemovedKey> removed = schemas.removedKey(scope.schemaId(), String.join(".", path), key,
                schema.properties().keySet());
        if (removed.isPresent() && version.atLeast(removed.get().removed())) {
            invalidKey(scope, parent, key, path, removed.get().renamedTo(), removed.get());
        }
        return removed.isPresent();
    }

    private void unknownKey(Scope scope, List<String> path, YamlNode parent, String key, SchemaNode schema) {
        List<String> candidates = new ArrayList<>(schema.properties().keySet());
        if (schema.optional()) {
            candidates.add("enabled");
        }
        String suggestion = KeySuggestion.closest(key, candidates);
        if (suggestion == null) {
            suggestion = KeySuggestion.oneLevelDown(key, schema);
        }
        invalidKey(scope, parent, key, path, suggestion, null, schema.keyMessage());
    }

    private void invalidKey(Scope scope, YamlNode parent, String key, List<String> path, String suggestion,
                            RemovedKey removed) {
        invalidKey(scope, parent, key, path, suggestion, removed, null);
    }

    private void invalidKey(Scope scope, YamlNode parent, String key, List<String> path, String suggestion,
                            RemovedKey removed, String keyMessage) {
        Map<String, Object> facts = evidence(scope, path, "key", key);
        facts.put("path", scope.display(with(path, key)));
        String collectorMessage = keyMessage != null ? String.format(keyMessage, key)
                : "'" + scope.decoder(path) + "' has invalid keys: " + key;
        facts.put("collectorMessage", collectorMessage);
        String fix;
        if (removed != null) {
            facts.put("removedIn", removed.removed().toString());
            if (suggestion != null) {
                facts.put("suggestion", suggestion);
            }
            fix = removed.fix();
        } else if (suggestion == null) {
            fix = "Remove '" + key + "', or check the component's documentation for the key meant.";
        } else if (suggestion.contains(".")) {
            facts.put("suggestion", suggestion);
            fix = "Move '" + key + "' under '" + suggestion.substring(0, suggestion.lastIndexOf('.')) + ":'.";
        } else {
            facts.put("suggestion", suggestion);
            fix = "Rename '" + key + "' to '" + suggestion + "'.";
        }
        boolean olderRelease = !version.latest() && !version.atLeast(schemas.release()) && removed == null;
        Map<String, Object> params = new LinkedHashMap<>(facts);
        params.put("fix", fix);
        params.put("where", scope.label().isEmpty() && path.isEmpty() ? "the top level" : scope.display(path));
        params.put("didYouMean", facts.containsKey("suggestion") ? ": did you mean '" + suggestion + "'?" : "");
        String detail = removed != null
                ? "'" + key + "' was " + (removed.renamedTo() == null ? "removed" : "renamed to '" + removed.renamedTo() + "'")
                        + " in collector " + removed.removed() + "; from that release on the collector "
                        + "refuses the config (" + collectorMessage + ")."
                : olderRelease
                ? "The collector " + schemas.release() + " refuses this key (" + collectorMessage + "); the schema "
                        + "of " + version + " is not shipped, so it may still have been accepted there."
                : "The collector refuses to start: " + collectorMessage + ".";
        add(SchemaProblem.Kind.INVALID_KEY, olderRelease ? Severity.WARN : Severity.FAIL, parent.keyLocation(key),
                params, detail);
    }

    private void wrongType(Scope scope, String key, YamlNode value, SchemaNode.Type expected) {
        wrongType(scope, List.of(key), value, expected);
    }

    private void wrongType(Scope scope, List<String> path, YamlNode value, SchemaNode.Type expected) {
        ValueType actual = ValueType.of(value);
        Map<String, Object> facts = evidence(scope, path, "expected", expected.description(), "actual", actual.description());
        String said = "";
        if (expected == SchemaNode.Type.ARRAY && actual != ValueType.MAP) {
            // mapstructure's decodeSlice (github.com/go-viper/mapstructure/v2 v2.5.0, the collector's version).
            String message = "'" + scope.decoder(path) + "' source data must be an array or slice, got " + actual.goKind();
            facts.put("collectorMessage", message);
            said = " (\"" + message + "\"): write it as a list, e.g. [" + value.text() + "]";
        } else if (actual == ValueType.INTEGER || actual == ValueType.FLOAT || actual == ValueType.BOOLEAN) {
            said = " (quote it to make it a string: \"…\")";
        }
        add(SchemaProblem.Kind.WRONG_TYPE, Severity.FAIL, value.location(), facts,
                "The collector refuses the config: " + scope.display(path) + " takes " + expected.description()
                        + " but " + actual.description() + " is written" + said + ".");
    }

    private void enumValue(Scope scope, List<String> path, YamlNode value, SchemaNode schema) {
        String allowed = schema.allowed().stream().filter(a -> !a.isEmpty()).collect(Collectors.joining(", "));
        Map<String, Object> facts = evidence(scope, path, "value", value.text(), "allowed", allowed);
        String suggestion = KeySuggestion.closest(value.text(), schema.allowed());
        facts.put("didYouMean", suggestion == null || suggestion.isEmpty() ? "" : ": did you mean '" + suggestion + "'?");
        if (suggestion != null && !suggestion.isEmpty()) {
            facts.put("suggestion", suggestion);
        }
        add(SchemaProblem.Kind.ENUM_VALUE, Severity.FAIL, value.location(), facts,
                "The collector refuses the config: '" + value.text() + "' is not a value " + scope.decoder(path)
                        + " takes (" + allowed + ")" + (schema.source() == null ? "." : "; see " + schema.source() + "."));
    }

    private void add(SchemaProblem.Kind kind, Severity severity, Location location, Map<String, Object> evidence,
                     String detail) {
        problems.add(new SchemaProblem(kind, severity, location, evidence, detail));
    }

    private static Map<String, Object> evidence(Scope scope, List<String> path, String... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("component", scope.component());
        facts.put("path", scope.display(path));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            facts.put(pairs[i], pairs[i + 1]);
        }
        return facts;
    }

    /** Values lint cannot judge: a reference to an unset variable or to another provider ({@code ${file:…}}). */
    private boolean skipped(YamlNode value) {
        return value.isScalar() && (unresolved.contains(value.location()) || value.text().contains("${"));
    }

    /** A map key or list index on a path (mapstructure writes them in brackets). */
    private static String element(String key) {
        return "[" + key + "]";
    }

    private static boolean isElement(String pathElement) {
        return pathElement.startsWith("[") && pathElement.endsWith("]");
    }

    private static List<String> with(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }

    private static String last(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1).replaceAll("^\\[(.*)]$", "$1");
    }
}
