package dev.otlpdoctor.listen.tally;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.otlp.Signal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --expect} condition over the received items:
 * <ul>
 *   <li>a count of a signal's items: {@code traces>=1}, {@code metrics>0}, {@code logs=3}
 *       (operators {@code >= > = == <= <}); optionally of one service: {@code traces[checkout]>=5};</li>
 *   <li>a value seen at least once: {@code service.name=checkout} (or {@code service=checkout}), {@code span.name=GET /},
 *       {@code metric.name=http.server.request.duration}, {@code log.severity=ERROR};</li>
 *   <li>a resource attribute of an application: {@code resource.deployment.environment.name=prod};</li>
 *   <li>a protocol an application used: {@code protocol=grpc}, {@code http/protobuf}, {@code http/json}
 *       ({@code http}: either HTTP encoding).</li>
 * </ul>
 * otlpdoctor check's own requests do not count for the last two.
 */
public final class Expectation {
    private static final Pattern COUNT =
            Pattern.compile("\\s*(traces|metrics|logs)(?:\\[([^\\]]+)])?\\s*(>=|<=|==|=|>|<)\\s*(\\d{1,18})\\s*");
    private static final Pattern SEEN =
            Pattern.compile("\\s*(service\\.name|service|span\\.name|metric\\.name|log\\.severity|protocol|resource\\.[^=\\s]+)\\s*=(.+)");
    private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("grpc", "http", "http/protobuf", "http/json");

    private final String text;
    private final Signal signal;
    private final String service;
    private final String operator;
    private final long number;
    private final String attribute;
    private final String value;

    private Expectation(String text, Signal signal, String service, String operator, long number,
                        String attribute, String value) {
        this.text = text;
        this.signal = signal;
        this.service = service;
        this.operator = operator;
        this.number = number;
        this.attribute = attribute;
        this.value = value;
    }

    /** Parses one {@code --expect} value; bad syntax is a usage error naming the value. */
    public static Expectation parse(String text) {
        Matcher count = COUNT.matcher(text);
        if (count.matches()) {
            return new Expectation(text.strip(), Signal.ofLabel(count.group(1)), count.group(2), count.group(3),
                    Long.parseLong(count.group(4)), null, null);
        }
        Matcher seen = SEEN.matcher(text);
        if (seen.matches() && !seen.group(2).isBlank()) {
            String attribute = seen.group(1).equals("service") ? "service.name" : seen.group(1);
            String value = seen.group(2).strip();
            if (attribute.equals("protocol") && !PROTOCOLS.contains(value)) {
                throw new InvalidInputException("--expect '" + text + "': protocol is one of grpc, http/protobuf,"
                        + " http/json, http (either HTTP encoding)");
            }
            return new Expectation(text.strip(), null, null, null, 0, attribute, value);
        }
        throw new InvalidInputException("--expect '" + text + "': not an expectation (examples: 'traces>=1',"
                + " 'logs=3', 'traces[checkout]>0', 'service=checkout', 'span.name=GET /',"
                + " 'resource.deployment.environment.name=prod', 'protocol=grpc')");
    }

    public boolean holds(Summary summary) {
        if (signal != null) {
            return compare(count(summary));
        }
        return seen(summary);
    }

    /** What was observed, for the report of an unmet expectation. */
    public String observed(Summary summary) {
        if (signal != null) {
            return count(summary) + " " + signal.unit();
        }
        return seen(summary) ? "seen" : "not seen";
    }

    @Override
    public String toString() {
        return text;
    }

    private long count(Summary summary) {
        Summary.SignalSummary counts = summary.signal(signal);
        if (service == null) {
            return counts.items();
        }
        Summary.ServiceSummary perService = counts.services().get(service);
        return perService == null ? 0 : perService.items();
    }

    private boolean compare(long actual) {
        return switch (operator) {
            case ">=" -> actual >= number;
            case ">" -> actual > number;
            case "<=" -> actual <= number;
            case "<" -> actual < number;
            default -> actual == number;
        };
    }

    private boolean seen(Summary summary) {
        return switch (attribute) {
            case "service.name" -> summary.signals().values().stream()
                    .anyMatch(s -> s.services().containsKey(value));
            case "span.name" -> hasName(summary.signal(Signal.TRACES));
            case "metric.name" -> hasName(summary.signal(Signal.METRICS));
            case "log.severity" -> hasName(summary.signal(Signal.LOGS));
            case "protocol" -> applications(summary).anyMatch(a -> a.protocols().stream().anyMatch(
                    p -> p.equals(value) || (value.equals("http") && p.startsWith("http/"))));
            default -> applications(summary).anyMatch(a -> value.equals(
                    a.attributes().get(attribute.substring("resource.".length()))));
        };
    }

    /** The applications that sent, without otlpdoctor check. */
    private static java.util.stream.Stream<Summary.Application> applications(Summary summary) {
        return summary.applications().stream().filter(a -> !a.probe());
    }

    private boolean hasName(Summary.SignalSummary signalSummary) {
        return signalSummary.services().values().stream().anyMatch(s -> s.names().containsKey(value));
    }
}
