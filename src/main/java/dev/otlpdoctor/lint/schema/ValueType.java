package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.yaml.YamlNode;
import java.util.regex.Pattern;

/**
 * The type the collector's YAML library (gopkg.in/yaml.v3, resolve.go) gives a scalar before the config
 * is decoded: plain {@code 4317} is an integer, {@code 1.2} a float, {@code true} a boolean; quoted text
 * and block scalars are strings.
 */
enum ValueType {
    STRING("a string", "string"), INTEGER("an integer", "int"), FLOAT("a decimal number", "float64"),
    BOOLEAN("a boolean", "bool"), MAP("a map", "map"), LIST("a list", "slice"), NULL("nothing", "invalid");

    private static final Pattern INT = Pattern.compile("[-+]?(0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)");
    private static final Pattern FLOAT_TEXT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");

    private final String description;
    private final String goKind;

    ValueType(String description, String goKind) {
        this.description = description;
        this.goKind = goKind;
    }

    String description() {
        return description;
    }

    /** The reflect.Kind the collector's decoder names for a value of this type (as yaml.v3 decodes it). */
    String goKind() {
        return goKind;
    }

    static ValueType of(YamlNode node) {
        switch (node.kind()) {
            case MAP:
                return MAP;
            case LIST:
                return LIST;
            case NULL:
                return NULL;
            default:
                break;
        }
        if (node.form() == YamlNode.ScalarForm.QUOTED) {
            return STRING;
        }
        String text = node.text();
        if (BOOL.matcher(text).matches()) {
            return BOOLEAN;
        }
        if (INT.matcher(text).matches()) {
            return INTEGER;
        }
        return FLOAT_TEXT.matcher(text).matches() ? FLOAT : STRING;
    }
}
