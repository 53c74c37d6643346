package dev.otlpdoctor.target;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the TARGET forms of the specification: {@code host}, {@code host:port},
 * {@code [v6addr]:port} (and a bare IPv6 literal), {@code http://host:port/path} and {@code https://…}.
 * Bad input is a {@link InvalidInputException} with exit code 2 whose message names the input and what is wrong.
 */
public final class TargetParser {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private final Protocol protocol;
    private final String protocolOrigin;

    /**
     * @param protocol the protocol the user asked for ({@link Protocol#AUTO} to decide by port)
     * @param protocolOrigin where that protocol came from, e.g. {@code --protocol}, for reports
     */
    public TargetParser(Protocol protocol, String protocolOrigin) {
        this.protocol = protocol;
        this.protocolOrigin = protocolOrigin;
    }

    public Target parse(String rawInput, Source source) {
        String input = rawInput == null ? "" : rawInput.trim();
        String what = source.type() == Source.Type.ENV ? source.name() : "TARGET";
        if (input.isEmpty()) {
            throw invalid(what + " is empty: give a host, host:port or URL (e.g. collector:4317)");
        }
        int schemeEnd = input.indexOf("://");
        // As errors and reports show it: one line, whatever the input holds (a pasted newline, a control byte).
        String shown = Printable.line(redact(input));
        return schemeEnd >= 0
                ? parseUrl(shown, input.substring(0, schemeEnd).toLowerCase(Locale.ROOT),
                        input.substring(schemeEnd + 3), source, what)
                : parseHostPort(input, shown, source, what);
    }

    /** Bad input, said in one line: whatever part of the input the message quotes is escaped. */
    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(Printable.line(message));
    }


    /**
     * The input as reports and errors show it: userinfo (a password), query values ({@code ?api_key=…}) and
     * the fragment are masked with {@code ***}; the scheme, host, port, path and query names stay.
     */
    public static String redact(String input) {
        int schemeEnd = input.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int authorityEnd = indexOfAny(input.substring(start), "/?#");
        authorityEnd = authorityEnd < 0 ? input.length() : start + authorityEnd;
        int at = input.lastIndexOf('@', authorityEnd - 1);
        StringBuilder out = new StringBuilder(input.substring(0, start));
        out.append(at >= start ? "***@" + input.substring(at + 1, authorityEnd) : input.substring(start, authorityEnd));
        String tail = input.substring(authorityEnd);
        int query = indexOfAny(tail, "?#");
        if (query < 0) {
            return out.append(tail).toString();
        }
        out.append(tail, 0, query);
        int fragment = tail.indexOf('#', query);
        if (tail.charAt(query) == '?') {
            String[] params = tail.substring(query + 1, fragment < 0 ? tail.length() : fragment).split("&", -1);
            StringBuilder masked = new StringBuilder();
            for (String param : params) {
                int eq = param.indexOf('=');
                masked.append(masked.length() == 0 ? "" : "&").append(eq < 0 ? (param.isEmpty() ? "" : "***")
                        : param.substring(0, eq) + "=***");
            }
            out.append('?').append(masked);
        }
        return fragment < 0 ? out.toString() : out.append("#***").toString();
    }

    private Target parseUrl(String redacted, String scheme, String rest, Source source, String what) {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(what + " '" + redacted + "': unsupported scheme '" + scheme
                    + "' (use host:port, http://host:port or https://host:port)");
        }
        int pathStart = indexOfAny(rest, "/?#");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 || rest.charAt(pathStart) != '/' ? "" : stripQuery(rest.substring(pathStart));
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            // userinfo may hold a password: never echo it back (redacted already masks it).
            authority = authority.substring(at + 1);
        }
        HostAndPort hp = splitAuthority(authority, redacted, what);
        boolean tls = scheme.equals("https");
        int port = hp.port >= 0 ? hp.port : (tls ? 443 : 80);
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Endpoint endpoint = endpointFor(hp.host, port, tls, basePath);
        return new Target(redacted, hp.host, List.of(endpoint), source);
    }

    private Target parseHostPort(String input, String shown, Source source, String what) {
        if (indexOfAny(input, "/?#@ ") >= 0) {
            throw invalid(what + " '" + shown + "': not a host, host:port or URL"
                    + " (a URL needs a scheme: http://" + shown + ")");
        }
        HostAndPort hp = splitAuthority(input, shown, what);
        List<Endpoint> endpoints = new ArrayList<>();
        if (hp.port >= 0) {
            endpoints.add(endpointFor(hp.host, hp.port, false, ""));
        } else if (protocol == Protocol.AUTO) {
            // A bare host: the two standard OTLP ports.
            endpoints.add(new Endpoint(hp.host, Transport.GRPC.defaultPort(), Transport.GRPC, false, "",
                    "default OTLP/gRPC port"));
            endpoints.add(new Endpoint(hp.host, Transport.HTTP.defaultPort(), Transport.HTTP, false, "",
                    "default OTLP/HTTP port"));
        } else {
            Transport t = protocol.transport();
            endpoints.add(new Endpoint(hp.host, t.defaultPort(), t, false, "",
                    "default port for " + protocolOrigin + " " + protocol.value(), "", protocol));
        }
        return new Target(input, hp.host, endpoints, source);
    }

    private Endpoint endpointFor(String host, int port, boolean tls, String basePath) {
        if (protocol != Protocol.AUTO) {
            return new Endpoint(host, port, protocol.transport(), tls, basePath, protocolOrigin + " " + protocol.value(),
                    "", protocol);
        }
        Transport byPort = Transport.conventionalFor(port);
        if (byPort != Transport.UNKNOWN) {
            return new Endpoint(host, port, byPort, tls, basePath, "port " + port + " convention");
        }
        if (!basePath.isEmpty()) {
            // Only OTLP/HTTP uses URL paths; gRPC ignores them.
            return new Endpoint(host, port, Transport.HTTP, tls, basePath, "URL path " + basePath);
        }
        return new Endpoint(host, port, Transport.UNKNOWN, tls, basePath, "no port convention: to be identified");
    }

    private record HostAndPort(String host, int port) {
    }

    private static HostAndPort splitAuthority(String authority, String input, String what) {
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(what + " '" + input + "': missing ']' after the IPv6 address");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(what + " '" + input + "': expected ':port' after ']'");
                }
                portText = after.substring(1);
            }
            requireIpv6(host, input, what);
        } else if (authority.indexOf(':') != authority.lastIndexOf(':')) {
            // Several colons and no brackets: a bare IPv6 literal such as ::1 (no port possible).
            host = authority;
            requireIpv6(host, input, what);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid(what + " '" + input + "': the host is missing");
            }
            if (!HOST_NAME.matcher(host).matches() || host.contains("..")) {
                throw invalid(what + " '" + input + "': '" + host + "' is not a valid host name or address");
            }
        }
        return new HostAndPort(host, portText == null ? -1 : parsePort(portText, input, what));
    }

    private static void requireIpv6(String host, String input, String what) {
        if (host.isEmpty() || !IPV6.matcher(host).matches()) {
            throw invalid(what + " '" + input + "': '" + host + "' is not a valid IPv6 address");
        }
    }

    private static int parsePort(String text, String input, String what) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw invalid(what + " '" + input + "': port '" + text + "' is not a number from 1 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw invalid(what + " '" + input + "': port " + port + " is out of range (1-65535)");
        }
        return port;
    }

    private static String stripQuery(String path) {
        int end = indexOfAny(path, "?#");
        return end < 0 ? path : path.substring(0, end);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
