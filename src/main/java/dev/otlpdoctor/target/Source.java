package dev.otlpdoctor.target;

/**
 * Where a setting came from, so every effective endpoint can be reported with its origin:
 * a command-line argument, an environment variable, a file, a manifest, a Kubernetes Service, or
 * otlpdoctor's default.
 *
 * @param type what kind of place it is
 * @param name the argument position, variable name, file location ({@code app.env:3}) or Service
 *             ({@code name.namespace}); empty for a default
 */
public record Source(Type type, String name) {

    /** The kinds of origin, each with its name in JSON ({@code source.kind}, docs/json-schema.json). */
    public enum Type {
        ARGUMENT("argument"),
        ENV("env"),
        FILE("file"),
        MANIFEST("manifest"),
        /** A Kubernetes Service read with kubectl ({@code check --k8s-service}). */
        K8S_SERVICE("k8s-service"),
        DEFAULT("default");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The name JSON and text output use. */
        public String label() {
            return label;
        }
    }

    public static Source argument(int position) {
        return new Source(Type.ARGUMENT, "TARGET #" + position);
    }

    public static Source env(String variable) {
        return new Source(Type.ENV, variable);
    }

    /** A line of a file: a --targets-file or a dotenv file. */
    public static Source file(String file, int line) {
        return new Source(Type.FILE, file + ":" + line);
    }

    /** An {@code env:} entry of a container in a Kubernetes manifest. */
    public static Source manifest(String file, int line, String container) {
        return new Source(Type.MANIFEST, file + ":" + line + " container " + container);
    }

    /** A Kubernetes Service, {@code name.namespace} (or just its name when the namespace is kubectl's default). */
    public static Source k8sService(String service) {
        return new Source(Type.K8S_SERVICE, service);
    }

    public static Source defaulted() {
        return new Source(Type.DEFAULT, "");
    }

    /** The kind's JSON name ({@code argument}, {@code env}, ...): what reports print. */
    public String kind() {
        return type.label();
    }

    /** A short phrase for text output, e.g. {@code env OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String describe() {
        if (type == Type.DEFAULT) {
            return "default: no TARGET given and no OTEL_EXPORTER_OTLP_*ENDPOINT set";
        }
        return kind() + " " + name;
    }
}
