package dev.otlpdoctor.target;

import java.util.Locale;

/**
 * What an endpoint is expected to speak: OTLP/gRPC, OTLP/HTTP, or not known until probed. It is the family of a
 * {@link Protocol} ({@link Protocol#transport()}), kept apart because a port's convention (4318) says OTLP/HTTP
 * without saying which encoding the client uses.
 */
public enum Transport {
    GRPC("grpc", 4317),
    HTTP("http", 4318),
    /** Neither the port nor the user's settings say which; the protocol probes identify it. */
    UNKNOWN("auto", -1);

    private final String label;
    private final int defaultPort;

    Transport(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The transport conventionally served on a port: 4317/4318 today, 55680/55681 for the legacy
     * ports that old charts and SDKs still use.
     */
    public static Transport conventionalFor(int port) {
        switch (port) {
            case 4317:
            case 55680:
                return GRPC;
            case 4318:
            case 55681:
                return HTTP;
            default:
                return UNKNOWN;
        }
    }

    @Override
    public String toString() {
        return label.toUpperCase(Locale.ROOT);
    }
}
