package dev.otlpdoctor.probe.local.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the collector's own messages in its log lines. The texts come from the collector's source
 * (opentelemetry-collector v0.159.0; docs/collector-behaviour.md, "Log lines the service probe recognises",
 * names file and line of each), from Go's net package ({@code bind: address already in use}) and from
 * systemd's service manager (the OOM killer). A line matches by the stable part of the text, whichever
 * encoding (console or JSON) the collector's logger used.
 */
final class CollectorMessages {
    /** One pattern: the kind it shows and how specific it is (a higher rank names the cause more exactly). */
    private record Known(MessageKind kind, int rank, Pattern pattern) {
    }

    private static final List<Known> PATTERNS = List.of(
            // systemd's unit.c / service.c, the kernel: the process was killed for memory
            p(MessageKind.OOM_KILLED, 3, "killed by the OOM killer|Failed with result 'oom-kill'|\\boom-kill(?:ed)?\\b|OOMKilled"),
            p(MessageKind.OOM_KILLED, 1, "code=killed, status=9/KILL"),
            // Go's net package under a receiver's Start: the port is taken
            p(MessageKind.ADDRESS_IN_USE, 3, "bind: address already in use"),
            // otelcol/config.go Validate
            p(MessageKind.CONFIG_INVALID, 3, "references (?:receiver|processor|exporter|connector|extension) \"[^\"]+\" which is not configured"),
            // mapstructure through confmap: an unknown key
            p(MessageKind.CONFIG_INVALID, 3, "'[^']*' has invalid keys: "),
            // otelcol/internal/configunmarshaler/configs.go: a component type the build does not have
            p(MessageKind.CONFIG_INVALID, 3, "unknown type: \"[^\"]+\" for id: \"[^\"]+\""),
            p(MessageKind.CONFIG_INVALID, 2, "'[^']*' (?:expected|cannot parse|invalid|decoding failed)|error reading configuration for \"[^\"]+\""),
            // otelcol/collector.go, otelcol/configprovider.go
            p(MessageKind.CONFIG_INVALID, 1, "failed to get config|cannot unmarshal the configuration|invalid configuration: |cannot resolve the configuration"),
            // service/service.go, service/internal/graph/graph.go
            p(MessageKind.START_FAILED, 2, "failed to start \"[^\"]+\" [a-z]+: |Failed to start component"),
            p(MessageKind.START_FAILED, 1, "cannot start pipelines|failed to build pipelines"),
            // internal/memorylimiter/memorylimiter.go
            p(MessageKind.MEMORY_LIMITED, 2, "Memory usage is above soft limit\\. Refusing data|data refused due to high memory usage"),
            p(MessageKind.MEMORY_LIMITED, 1, "Memory usage is above hard limit"),
            // exporter/exporterhelper: base_exporter.go, queue_sender.go, retry_sender.go; queue.go
            p(MessageKind.EXPORT_FAILED, 2, "Exporting failed\\.|error exporting items, request to|sending queue is full"));

    /** What an export failure was, by the error it quotes. */
    private static final Map<Pattern, String> EXPORT_CAUSES = exportCauses();
    private static final Pattern LISTEN = Pattern.compile("listen (?:tcp|tcp4|tcp6|udp) (\\S+): bind");
    private static final Pattern COMPONENT = Pattern.compile("failed to start \"([^\"]+)\" ([a-z]+)|\"id\": \"([^\"]+)\"");
    private static final Pattern INVALID_KEYS = Pattern.compile("'([^']*)' has invalid keys: ([^\\s\"]+(?:, [^\\s\"]+)*)");
    private static final Pattern READING = Pattern.compile("error reading configuration for \"([^\"]+)\"");
    private static final Pattern SECTION = Pattern.compile("'(receivers|processors|exporters|extensions|connectors)' (?:error reading|unknown type)");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("unknown type: \"([^\"]+)\" for id: \"([^\"]+)\"");
    private static final Pattern NOT_CONFIGURED = Pattern.compile(
            "service::pipelines::([^:\\s]+): references (receiver|processor|exporter|connector) \"([^\"]+)\" which is not configured"
                    + "|service::extensions: references (extension) \"([^\"]+)\" which is not configured");
    private static final Pattern READY = Pattern.compile("Everything is ready\\. Begin running and processing data");

    private CollectorMessages() {
    }

    private static Known p(MessageKind kind, int rank, String regex) {
        return new Known(kind, rank, Pattern.compile(regex));
    }

    private static Map<Pattern, String> exportCauses() {
        Map<Pattern, String> m = new LinkedHashMap<>();
        m.put(Pattern.compile("HTTP Status Code 401|code = Unauthenticated"), "the backend refused the credentials (401 Unauthenticated)");
        m.put(Pattern.compile("HTTP Status Code 403|code = PermissionDenied"), "the backend denied access (403 Permission denied)");
        m.put(Pattern.compile("connect: connection refused"), "the backend refused the connection (nothing listens there)");
        m.put(Pattern.compile("no such host"), "the backend's host name does not resolve");
        m.put(Pattern.compile("certificate|x509|tls:"), "the TLS handshake with the backend failed");
        m.put(Pattern.compile("context deadline exceeded|i/o timeout|code = DeadlineExceeded"), "the backend did not answer in time");
        m.put(Pattern.compile("HTTP Status Code 429|code = ResourceExhausted"), "the backend throttles (429 / resource exhausted)");
        m.put(Pattern.compile("sending queue is full"), "the sending queue is full: the backend is slower than the data coming in");
        m.put(Pattern.compile("HTTP Status Code 5\\d\\d|code = Unavailable"), "the backend is unavailable");
        return m;
    }

    /**
     * A recognised message: its kind, the line that shows it best, how often the kind occurred, and
     * what the text names (component, address, invalid keys, key path in the config).
     */
    record Recognised(MessageKind kind, LogLine line, int count, Map<String, String> details) {
    }

    /** Whether the collector said it started all pipelines. */
    static boolean isReady(LogLine line) {
        return READY.matcher(line.text()).find();
    }

    private static Optional<Known> best(String text) {
        Known best = null;
        for (Known p : PATTERNS) {
            if ((best == null || p.rank() > best.rank()) && p.pattern().matcher(text).find()) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every kind the lines show, in the order they first occurred; for each, the latest line of its
     * highest rank (the most exact statement of the cause). An address in use is also a failed start:
     * it is reported as itself only.
     */
    static List<Recognised> recognise(List<LogLine> lines) {
        Map<MessageKind, LogLine> bestLine = new LinkedHashMap<>();
        Map<MessageKind, Integer> bestRank = new LinkedHashMap<>();
        Map<MessageKind, Integer> counts = new LinkedHashMap<>();
        StringBuilder context = new StringBuilder();
        for (LogLine line : lines) {
            Optional<Known> match = best(line.text());
            if (match.isEmpty()) {
                continue;
            }
            MessageKind kind = match.get().kind();
            context.append(line.text()).append('\n');
            counts.merge(kind, 1, Integer::sum);
            if (match.get().rank() >= bestRank.getOrDefault(kind, 0)) {
                bestRank.put(kind, match.get().rank());
                bestLine.put(kind, line);
            }
        }
        if (bestLine.containsKey(MessageKind.ADDRESS_IN_USE)) {
            bestLine.remove(MessageKind.START_FAILED);
        }
        List<Recognised> out = new ArrayList<>();
        for (Map.Entry<MessageKind, LogLine> e : bestLine.entrySet()) {
            out.add(new Recognised(e.getKey(), e.getValue(), counts.get(e.getKey()),
                    details(e.getKey(), e.getValue().text(), context.toString())));
        }
        return out;
    }

    /** What the message names; {@code context} is every recognised line, for the parts a config error spreads over lines. */
    private static Map<String, String> details(MessageKind kind, String text, String context) {
        Map<String, String> d = new LinkedHashMap<>();
        switch (kind) {
            case ADDRESS_IN_USE -> {
                find(LISTEN, text, 1).ifPresent(a -> d.put("address", a));
                Matcher c = COMPONENT.matcher(text);
                if (c.find()) {
                    d.put("component", c.group(1) != null ? c.group(1) : c.group(3));
                }
            }
            case CONFIG_INVALID -> {
                Matcher keys = INVALID_KEYS.matcher(text);
                Matcher type = UNKNOWN_TYPE.matcher(text);
                Matcher ref = NOT_CONFIGURED.matcher(text);
                if (keys.find()) {
                    d.put("problem", "invalid-keys");
                    d.put("within", keys.group(1));
                    d.put("keys", keys.group(2));
                    // The component and section come from the lines before it ("'receivers' error reading configuration for \"otlp\"").
                    String before = context.substring(0, Math.max(0, context.lastIndexOf(keys.group())));
                    lastGroup(READING, before).ifPresent(id -> d.put("componentId", id));
                    lastGroup(SECTION, before).ifPresent(s -> d.put("section", s));
                } else if (type.find()) {
                    d.put("problem", "unknown-type");
                    d.put("type", type.group(1));
                    d.put("componentId", type.group(2));
                    lastGroup(SECTION, context).ifPresent(s -> d.put("section", s));
                } else if (ref.find()) {
                    d.put("problem", "not-configured");
                    if (ref.group(1) != null) {
                        d.put("pipeline", ref.group(1));
                        d.put("section", ref.group(2) + "s");
                        d.put("componentId", ref.group(3));
                    } else {
                        d.put("section", "extensions");
                        d.put("componentId", ref.group(5));
                    }
                }
            }
            case START_FAILED -> {
                Matcher c = COMPONENT.matcher(text);
                if (c.find()) {
                    d.put("component", c.group(1) != null ? c.group(1) : c.group(3));
                }
            }
            case EXPORT_FAILED -> {
                for (Map.Entry<Pattern, String> cause : EXPORT_CAUSES.entrySet()) {
                    if (cause.getKey().matcher(text).find()) {
                        d.put("cause", cause.getValue());
                        break;
                    }
                }
                Matcher kindId = Pattern.compile("\"(?:otelcol\\.component\\.id|exporter|name)\": \"([^\"]+)\"").matcher(text);
                if (kindId.find()) {
                    d.put("exporter", kindId.group(1));
                }
            }
            default -> {
            }
        }
        return d;
    }

    private static Optional<String> find(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(group)) : Optional.empty();
    }

    private static Optional<String> lastGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
