package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.Version;
import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.probe.tls.TlsChannel;
import dev.otlpdoctor.probe.tls.TlsProbe;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ProtocolCodes;
import dev.otlpdoctor.report.catalog.RunCodes;
import dev.otlpdoctor.report.catalog.TlsCodes;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * Identifies what answers on the port, on one connection: first it sends nothing and waits briefly (about
 * three connect times, 50 to 300 ms) for a banner (gRPC servers send an HTTP/2 SETTINGS frame at once;
 * SSH, SMTP and others greet too), then, if
 * the server is still silent, it sends one minimal HTTP/1.1 request, {@code GET <base>/v1/traces}, which
 * the collector's OTLP/HTTP receiver answers with 405. With TLS, ALPN tells whether the server speaks
 * HTTP/2. An HTTP/2 server is sent a proper client preface and a GOAWAY before the connection closes, so
 * the collector sees a client that came and left, not a broken one. Reads are capped at {@link #READ_CAP}.
 */
public final class ProtocolProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("protocol", Scope.ENDPOINT)
            .needs(TcpProbe.class)
            .observes("what answers: a greeting read first (gRPC servers send HTTP/2 SETTINGS), then one minimal request; HTTP/2, HTTP/1.1, TLS, something else; each read ends at its bound even when the peer trickles bytes")
            .reports("protocol.identified", "protocol.mismatch", "protocol.not-otlp", "protocol.unknown", "protocol.silent");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** What answers on the endpoint; absent when it is not HTTP or gRPC. */
    public static final Fact<Wire> WIRE = Fact.named("wire");

    static final int READ_CAP = 1024;
    /** How long a started answer may pause between segments before it counts as complete. */
    private static final int SETTLE_MILLIS = 30;
    private static final int MIN_BANNER_MILLIS = 50;
    private static final int MAX_BANNER_MILLIS = 300;
    private static final byte[] CLIENT_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** An empty SETTINGS frame, then a GOAWAY (last stream 0, NO_ERROR). */
    private static final byte[] SETTINGS_AND_GOAWAY = {
        0, 0, 0, 4, 0, 0, 0, 0, 0,
        0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** What came back on the connection: bytes, an orderly close, or nothing before the bound. */
    private record Answer(byte[] bytes, int length, boolean closed, boolean timedOut) {
        boolean empty() {
            return length <= 0;
        }

        boolean startsWith(String prefix) {
            byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
            if (length < p.length) {
                return false;
            }
            for (int i = 0; i < p.length; i++) {
                if (bytes[i] != p[i]) {
                    return false;
                }
            }
            return true;
        }

        /** An HTTP/2 frame header on stream 0 of a connection-level type (SETTINGS, GOAWAY). */
        boolean http2Frame() {
            return length >= 9 && (bytes[3] == 4 || bytes[3] == 7) && (bytes[5] | bytes[6] | bytes[7] | bytes[8]) == 0;
        }

        String excerpt() {
            return Excerpt.of(bytes, Math.max(0, length));
        }
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        Endpoint endpoint = context.endpoint();
        TlsChannel channel = context.facts().get(TlsProbe.CHANNEL).orElse(null);
        if (channel == null) {
            findings.add(RunCodes.PROBE_SKIPPED.finding()
                    .param("probe", id())
                    .evidence("reason", "the TLS handshake failed, so no request can be sent")
                    .detail("The protocol probe did not run because the TLS handshake failed.")
                    .build());
            return;
        }
        InetSocketAddress address = context.facts().get(TcpProbe.OPEN_ADDRESSES).orElseThrow().get(0);
        long start = System.nanoTime();
        boolean tlsUnanswered = channel.tls() && context.facts().get(TlsProbe.UNANSWERED).orElse(false);
        Identified identified;
        try {
            // A TLS handshake the tls probe saw no answer to gets half the time left, the other half being for
            // finding out whether the port speaks plaintext instead.
            int budget = context.deadline().stepMillis(tlsUnanswered ? 2 : 1, null);
            identified = identify(context, channel, address, budget, findings);
        } catch (IOException e) {
            if (tlsUnanswered) {
                tlsNeverAnswered(context, address, start, e, findings);
                return;
            }
            findings.add(ProtocolCodes.PROTOCOL_UNKNOWN.finding()
                    .evidence("port", endpoint.port())
                    .evidence("answer", "the connection failed: " + e.getMessage())
                    .detail("A new connection for the protocol probe failed: " + e.getMessage() + ".")
                    .build());
            return;
        }
        if (identified == null) {
            return;
        }
        Wire wire = identified.wire();
        String how = identified.how();
        context.facts().put(WIRE, wire);
        Transport expected = endpoint.transport();
        boolean mismatch = (expected == Transport.GRPC && !wire.mayBeGrpc())
                || (expected == Transport.HTTP && !wire.mayBeHttp());
        if (mismatch) {
            findings.add(mismatch(endpoint, wire.label(), how).build());
            return;
        }
        findings.add(ProtocolCodes.PROTOCOL_IDENTIFIED.finding()
                .evidence("found", wire.label())
                .evidence("port", endpoint.port())
                .evidence("how", how)
                .evidence("expected", expected.label() + " (" + endpoint.transportReason() + ")")
                .detail("Identified because " + how + ".")
                .build());
    }

    /** What answers on the port, and how that showed. */
    private record Identified(Wire wire, String how) {
    }

    /**
     * Identifies what answers on one new connection over {@code channel}; null after reporting an answer that
     * is none of the protocols (the finding says what came back).
     */
    private static Identified identify(ProbeContext context, TlsChannel channel, InetSocketAddress address,
                                       int budgetMillis, FindingSink findings) throws IOException {
        Endpoint endpoint = context.endpoint();
        long start = System.nanoTime();
        try (Socket socket = channel.connect(address, endpoint.host(), budgetMillis, "h2", "http/1.1")) {
            long connectMillis = (System.nanoTime() - start) / 1_000_000;
            String alpn = socket instanceof SSLSocket ssl ? ssl.getApplicationProtocol() : null;
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Answer banner = read(socket, in, Math.min(bannerMillis(connectMillis), context.deadline().stepMillis()));
            if ("h2".equals(alpn)) {
                goAway(out);
                return new Identified(Wire.HTTP2_TLS, "TLS negotiated ALPN 'h2'");
            }
            if (banner.http2Frame()) {
                goAway(out);
                return new Identified(Wire.HTTP2, "the server sent an HTTP/2 "
                        + (banner.bytes[3] == 4 ? "SETTINGS" : "GOAWAY") + " frame before any request");
            }
            if (!banner.empty() || banner.closed()) {
                findings.add(unknown(endpoint, banner, "before any request").build());
                return null;
            }
            out.write(minimalRequest(endpoint).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer answer = read(socket, in, context.deadline().stepMillis());
            if (answer.startsWith("HTTP/1.")) {
                return new Identified(Wire.HTTP1, "GET " + endpoint.basePath() + "/v1/traces was answered '"
                        + statusLine(answer) + "'");
            }
            if (answer.http2Frame()) {
                return new Identified(Wire.HTTP2, "an HTTP/1.1 request was answered with an HTTP/2 frame");
            }
            if (answer.timedOut()) {
                findings.add(ProtocolCodes.PROTOCOL_SILENT.finding()
                        .evidence("port", endpoint.port())
                        .evidence("waitedMs", (System.nanoTime() - start) / 1_000_000)
                        .detail("No byte came back for a minimal HTTP/1.1 request in {waitedMs} ms"
                                + " (the run's deadline).")
                        .build());
                return null;
            }
            findings.add(unknown(endpoint, answer, "to a minimal HTTP/1.1 request").build());
            return null;
        }
    }

    /**
     * The client asked for TLS and the server answered no handshake, twice. Whether it speaks plaintext is
     * then observed on a plaintext connection, never assumed: a plaintext protocol that answers is
     * {@code tls.mismatch}; anything else is a TLS handshake that never came ({@code tls.no-answer}).
     */
    private static void tlsNeverAnswered(ProbeContext context, InetSocketAddress address, long start,
                                         IOException tlsError, FindingSink findings) {
        Identified plaintext;
        try {
            plaintext = identify(context, TlsChannel.plaintext(), address, context.deadline().stepMillis(),
                    finding -> { });
        } catch (IOException e) {
            plaintext = null;
        }
        if (plaintext != null) {
            context.facts().put(WIRE, plaintext.wire());
            findings.add(TlsProbe.mismatch(context, "plaintext " + plaintext.wire().label())
                    .detail("The server answered no TLS handshake, but " + plaintext.how() + ": it speaks plaintext, "
                            + "while the client asks for TLS.")
                    .build());
            return;
        }
        findings.add(TlsCodes.TLS_NO_ANSWER.finding()
                .severity(Severity.FAIL)
                .evidence("waitedMs", (System.nanoTime() - start) / 1_000_000)
                .evidence("error", tlsError.getMessage())
                .detail("TLS was asked for, and the TLS handshake did not complete within {waitedMs} ms more; the "
                        + "port does not answer plaintext requests either. The server is slow to start TLS, or hangs.")
                .build());
    }

    /**
     * Why a probe of an endpoint with no expected protocol (an unconventional port, {@code --protocol auto})
     * does not run: the protocol probe found a server that cannot speak {@code protocol}.
     */
    static Finding notSpoken(String probeId, Wire wire, String protocol) {
        return notSpoken(probeId, "the protocol probe found " + wire.label() + ", which is not " + protocol);
    }

    /** The same, when the probe's own first exchange showed that the server speaks another protocol. */
    static Finding notSpoken(String probeId, String reason) {
        return RunCodes.PROBE_SKIPPED.finding()
                .param("probe", probeId)
                .evidence("reason", reason)
                .detail("The " + probeId + " probe did not run: " + reason + ".")
                .build();
    }

    /** The {@code protocol.mismatch} finding for an endpoint whose server speaks {@code found}. */
    public static Finding.Builder mismatch(Endpoint endpoint, String found, String how) {
        boolean grpcExpected = endpoint.transport() == Transport.GRPC;
        return ProtocolCodes.PROTOCOL_MISMATCH.finding()
                .evidence("found", found)
                .evidence("port", endpoint.port())
                .evidence("expected", grpcExpected ? "OTLP/gRPC" : "OTLP/HTTP")
                .evidence("expectedBecause", endpoint.transportReason())
                .evidence("how", how)
                .param("host", endpoint.host().indexOf(':') >= 0 ? "[" + endpoint.host() + "]" : endpoint.host())
                .param("fixProtocol", grpcExpected ? "http/protobuf" : "grpc")
                .param("expectedProtocol", grpcExpected ? "grpc" : "http/protobuf")
                .param("otherPort", grpcExpected ? Transport.GRPC.defaultPort() : Transport.HTTP.defaultPort())
                .detail("The client expects " + (grpcExpected ? "OTLP/gRPC" : "OTLP/HTTP") + " ("
                        + endpoint.transportReason() + "), but " + how + ".");
    }

    private static Finding.Builder unknown(Endpoint endpoint, Answer answer, String when) {
        String what = answer.empty() ? "closed the connection without a byte" : "sent '" + answer.excerpt() + "'";
        return ProtocolCodes.PROTOCOL_UNKNOWN.finding()
                .evidence("port", endpoint.port())
                .evidence("answer", what)
                .evidence("bytes", Math.max(0, answer.length()))
                .detail("The server " + what + " " + when + ": neither HTTP/1.1 nor HTTP/2.");
    }

    /**
     * How long to wait for a greeting: a server that speaks first sends its bytes right after accepting,
     * so they arrive within about one round trip after the connection is up; the connect time measures
     * that round trip. A greeting that comes later still shows up as the answer to the request.
     */
    private static int bannerMillis(long connectMillis) {
        return (int) Math.max(MIN_BANNER_MILLIS, Math.min(MAX_BANNER_MILLIS, 3 * connectMillis));
    }

    private static String minimalRequest(Endpoint endpoint) {
        String host = endpoint.host().indexOf(':') >= 0 ? "[" + endpoint.host() + "]" : endpoint.host();
        return "GET " + endpoint.basePath() + "/v1/traces HTTP/1.1\r\nHost: " + host + ":" + endpoint.port()
                + "\r\nUser-Agent: otlpdoctor/" + Version.get() + "\r\nConnection: close\r\n\r\n";
    }

    private static String statusLine(Answer answer) {
        String text = new String(answer.bytes(), 0, answer.length(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\r');
        return Excerpt.of(end < 0 ? text : text.substring(0, end));
    }

    /**
     * Says goodbye properly. The server may already have closed the connection (it sent its own GOAWAY
     * first): the protocol is identified by then, so a failed write changes nothing.
     */
    private static void goAway(OutputStream out) {
        try {
            out.write(CLIENT_PREFACE);
            out.write(SETTINGS_AND_GOAWAY);
            out.flush();
        } catch (IOException closedAlready) {
            // nothing left to say goodbye to
        }
    }

    /**
     * Reads at most {@link #READ_CAP} bytes, waiting at most {@code millis} for the first ones; once bytes
     * arrive, what follows within {@link #SETTLE_MILLIS} belongs to the same answer (a server may write
     * its greeting in several segments).
     */
    private static Answer read(Socket socket, InputStream in, int millis) throws IOException {
        byte[] buffer = new byte[READ_CAP];
        if (millis <= 0) {
            return new Answer(buffer, 0, false, true);
        }
        // The whole read ends by then: a peer that trickles a byte every few milliseconds (each within the
        // settle time) must not keep the probe reading past its bound, which never exceeds the deadline.
        long endNanos = System.nanoTime() + millis * 1_000_000L;
        socket.setSoTimeout(millis);
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return new Answer(buffer, n, n < 0, false);
            }
            try {
                while (n < READ_CAP) {
                    long left = (endNanos - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) Math.min(SETTLE_MILLIS, left));
                    int more = in.read(buffer, n, READ_CAP - n);
                    if (more < 0) {
                        break;
                    }
                    n += more;
                }
            } catch (SocketTimeoutException settled) {
                // nothing more arrived: the answer is complete
            }
            return new Answer(buffer, n, false, false);
        } catch (SocketTimeoutException e) {
            return new Answer(buffer, 0, false, true);
        } catch (IOException e) {
            // A reset right after the request is an answer too: the server refused to talk.
            if (String.valueOf(e.getMessage()).toLowerCase().contains("reset")) {
                return new Answer(buffer, 0, true, false);
            }
            throw e;
        }
    }
}
