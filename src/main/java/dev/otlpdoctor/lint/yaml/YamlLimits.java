package dev.otlpdoctor.lint.yaml;

/**
 * The bounds every YAML input is read within, so that a hostile or broken file ends in one clear error
 * line (exit 2) instead of a hang or an out-of-memory. A real collector config or manifest is far below
 * each of them.
 */
public final class YamlLimits {
    /** Bytes read from one file or stdin; anything larger is refused before parsing. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Aliases to maps or lists per document: the billion-laughs defence of the parser. */
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** Maps and lists nested in each other. */
    public static final int MAX_DEPTH = 64;
    /** Values after aliases are expanded: a few aliases can still multiply into millions of values. */
    public static final int MAX_VALUES = 500_000;

    /**
     * Characters of all scalars after aliases are expanded: an alias to a large scalar costs nothing to
     * write but its full length to every reader of the tree (env expansion, rules), so a few thousand
     * aliases to a 6 MiB scalar would be gigabytes of text.
     */
    public static final long MAX_EXPANDED_CHARS = 8L * MAX_BYTES;

    private YamlLimits() {
    }
}
