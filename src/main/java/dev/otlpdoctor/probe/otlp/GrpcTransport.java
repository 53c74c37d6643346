package dev.otlpdoctor.probe.otlp;

import java.io.IOException;
import java.util.Map;

/**
 * One unary gRPC call at a time over one connection to an endpoint. The probe needs nothing more, and
 * keeping it this small leaves the implementation free (OkHttp today; see docs/performance.md for why).
 */
interface GrpcTransport extends AutoCloseable {

    /**
     * Calls {@code fullMethod} ({@code /package.Service/Method}) with an encoded request message.
     *
     * @throws IOException when no HTTP/2 response arrived (connection, TLS or protocol failure, or timeout)
     */
    GrpcReply call(String fullMethod, byte[] request, int timeoutMillis) throws IOException;

    @Override
    void close();

    /**
     * What came back. For a gRPC server {@code grpcStatus} is set; for anything else it is {@code null} and
     * the HTTP status, content type and body excerpt say what answered.
     *
     * @param httpStatus the HTTP status of the response
     * @param protocol the HTTP protocol used, e.g. {@code h2}
     * @param contentType the response's content type, or empty
     * @param grpcStatus the gRPC status code from headers or trailers, or {@code null}
     * @param grpcMessage the decoded grpc-message, or empty
     * @param message the response message without its 5-byte prefix, or {@code null}
     * @param metadata response headers and trailers worth showing (never the request's)
     * @param body printable excerpt of a non-gRPC body
     */
    record GrpcReply(int httpStatus, String protocol, String contentType, Integer grpcStatus, String grpcMessage,
                     byte[] message, Map<String, String> metadata, String body) {
        boolean isGrpc() {
            return grpcStatus != null;
        }
    }
}
