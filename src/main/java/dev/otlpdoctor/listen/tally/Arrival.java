package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.target.Protocol;
import java.util.List;

/**
 * How one export request arrived, besides its content.
 *
 * @param protocol    grpc, http/protobuf or http/json
 * @param client      the peer address, as {@link ClientAddress} formats it
 * @param userAgent   the User-Agent header, or null
 * @param compression Content-Encoding (HTTP) or grpc-encoding (gRPC); "none" without one
 * @param headerNames the request's header names, lower case (values are never kept)
 */
public record Arrival(Protocol protocol, String client, String userAgent, String compression, List<String> headerNames) {
    /** A request of otlpdoctor's own {@code check}. */
    boolean probe() {
        return UserAgent.isOtlpdoctor(userAgent);
    }
}
