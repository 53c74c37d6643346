package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.probe.tls.TlsChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OkHttp clients for one endpoint: they connect only to the addresses the TCP probe found open, ignore
 * any proxy settings of the JVM, never retry or follow redirects (a probe reports what it saw), and use
 * the TLS channel the TLS probe chose. Timeouts come from the run's deadline.
 */
final class OkHttpClients {
    private OkHttpClients() {
    }

    /**
     * @param http2Only gRPC: HTTP/2 with prior knowledge on plaintext, HTTP/2 by ALPN with TLS; otherwise
     *                  HTTP/1.1 on plaintext and whatever ALPN picks with TLS, as OTLP/HTTP exporters do
     */
    static OkHttpClient create(ProbeContext context, TlsChannel channel, boolean http2Only) {
        List<InetAddress> open = context.facts().get(TcpProbe.OPEN_ADDRESSES).orElseThrow().stream()
                .map(InetSocketAddress::getAddress).toList();
        long timeout = context.deadline().stepMillis();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dns(host -> open)
                .proxy(Proxy.NO_PROXY)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS);
        if (channel.tls()) {
            builder.sslSocketFactory(channel.context().getSocketFactory(), channel.trustManager())
                    .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            if (!channel.verified()) {
                builder.hostnameVerifier((host, session) -> true);
            }
        } else {
            // Cleartext only: OkHttp then sets up no TLS at all, where it would otherwise read the JVM's
            // trust store (tens of milliseconds on a fresh JVM) for a client that never uses it.
            builder.protocols(List.of(http2Only ? Protocol.H2_PRIOR_KNOWLEDGE : Protocol.HTTP_1_1))
                    .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder.build();
    }

    /** Builds, and drops, a cleartext client and a request: loads OkHttp and Kotlin before the first call. */
    static void prepare() {
        OkHttpClient client = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        client.newCall(new Request.Builder().url(HttpUrl.get("http://localhost/v1/traces"))
                .post(RequestBody.create(new byte[0], null)).build());
        shutdown(client);
    }

    static HttpUrl url(ProbeContext context, TlsChannel channel, String path) {
        return new HttpUrl.Builder()
                .scheme(channel.tls() ? "https" : "http")
                .host(context.endpoint().host())
                .port(context.endpoint().port())
                .encodedPath(path)
                .build();
    }

    /** Closes the client's connections (an HTTP/2 connection says GOAWAY first) and stops its threads. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
