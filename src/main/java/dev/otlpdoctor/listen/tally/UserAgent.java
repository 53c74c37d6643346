package dev.otlpdoctor.listen.tally;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SDK from an exporter's User-Agent: the OpenTelemetry SDKs send
 * {@code OTel-OTLP-Exporter-<Language>/<version>} (Go: {@code OTel Go OTLP over <transport> ... exporter/<version>}),
 * a gRPC transport appends its own token ({@code grpc-java-okhttp/1.x}), a collector sends
 * {@code OpenTelemetry Collector[ Contrib]/<version>}, and otlpdoctor's own probes {@code otlpdoctor/<version>}.
 */
public final class UserAgent {
    private static final Pattern SDK = Pattern.compile("OTel-OTLP-Exporter-([A-Za-z.+#]+)/v?([\\w.+-]+)");
    private static final Pattern GO = Pattern.compile("OTel (?:Go )?OTLP (?:Exporter Go|over [\\w/]+(?: \\w+)* exporter)/v?([\\w.+-]+)");
    private static final Pattern COLLECTOR = Pattern.compile("OpenTelemetry Collector( Contrib)?/v?([\\w.+-]+)");
    private static final Pattern GRPC_TRANSPORT = Pattern.compile("\\b(grpc-[a-z-]+)/([\\w.+-]+)");
    private static final String OTLPDOCTOR = "otlpdoctor/";

    private UserAgent() {
    }

    static boolean isOtlpdoctor(String userAgent) {
        return userAgent != null && userAgent.startsWith(OTLPDOCTOR);
    }

    /** "Java SDK 1.44.1 (grpc-java-okhttp 1.66.0)", "otlpdoctor check", or the raw text; "(no User-Agent)". */
    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "(no User-Agent)";
        }
        if (isOtlpdoctor(userAgent)) {
            return "otlpdoctor check";
        }
        String transport = "";
        Matcher grpc = GRPC_TRANSPORT.matcher(userAgent);
        if (grpc.find()) {
            transport = " (" + grpc.group(1) + " " + grpc.group(2) + ")";
        }
        Matcher sdk = SDK.matcher(userAgent);
        if (sdk.find()) {
            return sdk.group(1) + " SDK " + sdk.group(2) + transport;
        }
        Matcher go = GO.matcher(userAgent);
        if (go.find()) {
            return "Go SDK " + go.group(1) + transport;
        }
        Matcher collector = COLLECTOR.matcher(userAgent);
        if (collector.find()) {
            return "OpenTelemetry Collector" + (collector.group(1) == null ? "" : " Contrib") + " " + collector.group(2);
        }
        return TerminalText.bounded(userAgent, 120);
    }
}
