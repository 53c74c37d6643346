package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.ProbeContext;
import java.net.URI;
import java.net.URISyntaxException;

/** Where the collector extras listen: the user's URL, else the default port on the target's host. */
final class CollectorUrls {
    static final int HEALTH_PORT = 13133;
    static final int METRICS_PORT = 8888;

    private CollectorUrls() {
    }

    static URI health(ProbeContext context) {
        URI given = context.settings().healthUrl();
        return given != null ? given : onTarget(context, HEALTH_PORT, "/");
    }

    static URI metrics(ProbeContext context) {
        URI given = context.settings().metricsUrl();
        return given != null ? given : onTarget(context, METRICS_PORT, "/metrics");
    }

    /** The URL as shown in findings: without user info, which may hold a password. */
    static String shown(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    private static URI onTarget(ProbeContext context, int port, String path) {
        try {
            return new URI("http", null, context.target().host(), port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host for a URL: " + context.target().host(), e);
        }
    }
}
