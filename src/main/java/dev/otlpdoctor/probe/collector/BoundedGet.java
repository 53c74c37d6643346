package dev.otlpdoctor.probe.collector;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One plain HTTP GET whose whole exchange — connect, headers and body — ends within a given time, and whose
 * body is read up to a byte cap. A server that accepts and never answers, or answers forever, costs the
 * caller at most that time and that many bytes.
 */
final class BoundedGet {
    /**
     * Plain-text client, shared so its pool is created once; each call sets its own time limit. Without TLS
     * connection specs okhttp does not load the trust store, which costs hundreds of milliseconds.
     */
    private static final OkHttpClient PLAIN = base().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    /** For https:// URLs given by the user; created on first use. */
    private static final class Tls {
        static final OkHttpClient CLIENT = base().build();
    }

    /**
     * No retries and no pooled connections: each probe makes one request, and a kept-alive connection the
     * server has meanwhile closed would fail the next probe for a reason that is not the server's.
     */
    private static OkHttpClient.Builder base() {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectTimeout(0, TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS);
    }

    /**
     * What the server answered.
     *
     * @param status the HTTP status code
     * @param contentType the Content-Type header, or an empty string
     * @param body the body as UTF-8, at most the cap
     * @param truncated whether the body went on past the cap
     */
    record Answer(int status, String contentType, String body, boolean truncated) {
    }

    private BoundedGet() {
    }

    /**
     * Fetches {@code url}, giving up after {@code timeoutMillis}.
     *
     * @throws IOException when the connection fails or the time runs out ({@link java.io.InterruptedIOException})
     */
    static Answer fetch(URI url, long timeoutMillis, long maxBytes) throws IOException {
        if (timeoutMillis <= 0) {
            throw new java.io.InterruptedIOException("no time left");
        }
        Request request = new Request.Builder().url(url.toString()).header("Connection", "close").get().build();
        Call call = ("https".equalsIgnoreCase(url.getScheme()) ? Tls.CLIENT : PLAIN).newCall(request);
        call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            Buffer buffer = new Buffer();
            boolean truncated = false;
            BufferedSource source = body.source();
            while (buffer.size() <= maxBytes) {
                if (source.read(buffer, 8192) == -1) {
                    break;
                }
            }
            if (buffer.size() > maxBytes) {
                truncated = true;
            }
            String text = buffer.readUtf8(Math.min(buffer.size(), maxBytes));
            String contentType = response.header("Content-Type", "");
            return new Answer(response.code(), contentType, text, truncated);
        }
    }
}
