package dev.otlpdoctor.cli;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.ListenRun;
import dev.otlpdoctor.listen.server.InFlightBudget;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.RequiredHeader;
import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.PortHolder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code otlpdoctor listen}: a small OTLP receiver that shows what arrives; {@code --expect} makes it a CI gate. */
@Command(name = "listen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Receive OTLP (gRPC 4317, HTTP 4318) and show what an application really sends.",
        description = {
            "Answers like an OpenTelemetry Collector whose traces, metrics and logs pipelines all accept data,"
                + " counts spans, data points and log records per service.name, and prints a summary at the end"
                + " (Ctrl-C, --duration, or once every --expect holds)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor listen                                  # loopback, 4317 + 4318",
            "  otlpdoctor listen --bind 0.0.0.0 --http-port 0     # gRPC only, reachable from containers",
            "  otlpdoctor listen --expect 'traces>=1' --expect service=checkout --timeout 60s",
            "  otlpdoctor listen --expect 'resource.deployment.environment.name=prod' --expect protocol=grpc",
            "  otlpdoctor listen --duration 30s -o json --jsonl received.jsonl",
            "",
            "Exit codes: 0 done (every --expect met), 1 an --expect was not met in time,",
            "            2 usage error or a port already in use, 3 internal error."})
public final class ListenCommand implements Callable<Integer> {
    /** How long a signal waits for the summary before the process ends anyway. */
    private static final Duration SUMMARY_WAIT = Duration.ofSeconds(5);

    /**
     * grpc-java and Netty log every malformed message and broken connection to stderr through
     * java.util.logging; listen reports those itself, so its output stays readable. Process-wide
     * settings, so they are made here, by the command that owns the process, and held so they stick.
     */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.grpc"), Logger.getLogger("io.netty"));

    /** How long naming the holder of a taken port may take: it only improves an error message. */
    private static final Duration PORT_HOLDER_LOOKUP = Duration.ofSeconds(2);

    @ParentCommand
    private RootCommand root;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 exposes it.")
    private String bind;

    @Option(names = "--grpc-port", paramLabel = "PORT", defaultValue = "4317",
            description = "OTLP/gRPC port; 0 turns gRPC off. Default: ${DEFAULT-VALUE}.")
    private int grpcPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "4318",
            description = "OTLP/HTTP port; 0 turns HTTP off. Default: ${DEFAULT-VALUE}.")
    private int httpPort;

    @Option(names = "--expect", paramLabel = "EXPECTATION",
            description = "Stop with exit 0 once this holds (repeatable): traces>=1, metrics>0, logs=3,"
                    + " traces[checkout]>=5, service=checkout, span.name='GET /', metric.name=N, log.severity=ERROR,"
                    + " resource.deployment.environment.name=prod, protocol=grpc (or http/protobuf, http/json, http).")
    private List<String> expectations = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --expect: give up (exit 1) after this long. Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Without --expect: stop after this long and print the summary. Default: until Ctrl-C.")
    private Duration duration;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Write every accepted request to FILE as one OTLP/JSON line.")
    private Path jsonl;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "20",
            description = "Items retained for -v (the last N). Default: ${DEFAULT-VALUE}.")
    private int keep;

    @Option(names = "--max-message-size", paramLabel = "BYTES",
            description = "Largest gRPC message / HTTP body accepted. Default: as the collector, 4 MiB gRPC, 20 MiB HTTP.")
    private Integer maxMessageSize;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate (chain).")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 private key of --tls-cert.")
    private Path tlsKey;

    @Option(names = "--require-header", paramLabel = "NAME=VALUE",
            description = "Refuse requests without this header (HTTP 401, gRPC UNAUTHENTICATED). The value is never printed.")
    private String requireHeader;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
            description = "Open connections of both ports together; more are closed at once and counted. Default: ${DEFAULT-VALUE}.")
    private int maxConnections;

    @Option(names = "--max-in-flight", paramLabel = "BYTES",
            description = "Bytes held for requests not yet answered, all connections together; beyond it HTTP gets 503"
                    + " and gRPC UNAVAILABLE (exporters retry). Default: 256 MiB, at most half the JVM's memory limit.")
    private Long maxInFlight;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Close a connection silent this long: HTTP before a request's headers or body, gRPC before"
                    + " its HTTP/2 preface or without a call. Default: ${DEFAULT-VALUE}.")
    private Duration idleTimeout;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws InterruptedException {
        List<Expectation> parsed = expectations.stream().map(Expectation::parse).toList();
        ListenConfig config = new ListenConfig(bindAddress(), port(grpcPort, "--grpc-port"), port(httpPort, "--http-port"),
                maxMessageSize(), tlsCert, tlsKey, requireHeader == null ? null : RequiredHeader.parse(requireHeader),
                Math.max(2, Runtime.getRuntime().availableProcessors()), limits());
        if (config.grpcPort() == ListenConfig.OFF && config.httpPort() == ListenConfig.OFF) {
            throw new InvalidInputException("--grpc-port 0 and --http-port 0: nothing left to listen on");
        }
        if (config.grpcPort() == config.httpPort()) {
            throw new InvalidInputException("--grpc-port and --http-port are both " + grpcPort + ": give them different ports");
        }
        if (duration != null && !parsed.isEmpty()) {
            throw new InvalidInputException("--duration and --expect: with --expect the run ends when they hold,"
                    + " or after --timeout");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new InvalidInputException("--tls-cert and --tls-key go together: give both or neither");
        }
        if (keep < 0 || keep > 100_000) {
            throw new InvalidInputException("--keep " + keep + ": expected 0 to 100000");
        }
        ListenRun.Options options = new ListenRun.Options(config, parsed, duration, timeout, output.json(),
                output.verbose(), keep, jsonl, Duration.ofSeconds(1), port -> PortHolder.of(HostFs.system(), port, PORT_HOLDER_LOOKUP));
        QUIETED.forEach(logger -> logger.setLevel(Level.OFF));
        ListenRun run = new ListenRun(options);
        Thread onSignal = new Thread(() -> endOnSignal(run), "listen-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return ExitStatus.of(run.run(root.out(), root.err()));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C or SIGTERM: the hook is running and ends the process itself.
            }
        }
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM end listening as --duration does: the summary is printed and the exit code
     * is the run's (0, or 1 when an --expect did not hold), not the signal's 130 or 143 (README, "Exit codes").
     * The JVM is already shutting down, so the code is set by halting once the summary is out.
     */
    private static void endOnSignal(ListenRun run) {
        run.stop();
        try {
            run.awaitEnd(SUMMARY_WAIT).ifPresent(outcome -> Runtime.getRuntime().halt(ExitStatus.of(outcome)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ListenConfig.Limits limits() {
        if (maxConnections < 1 || maxConnections > 1_000_000) {
            throw new InvalidInputException("--max-connections " + maxConnections + ": expected 1 to 1000000");
        }
        int largest = maxMessageSize == null ? ListenConfig.HTTP_DEFAULT_MAX_BODY : maxMessageSize;
        if (maxInFlight != null && maxInFlight < largest) {
            throw new InvalidInputException("--max-in-flight " + maxInFlight + ": must hold at least one message of"
                    + " --max-message-size (" + largest + " bytes)");
        }
        if (idleTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            throw new InvalidInputException("--idle-timeout " + idleTimeout.toMillis() + "ms: expected at least 100ms");
        }
        long budget = maxInFlight != null ? maxInFlight : Math.max(largest, InFlightBudget.defaultBytes());
        return new ListenConfig.Limits(maxConnections, budget, idleTimeout);
    }

    private InetAddress bindAddress() {
        try {
            // Only literal addresses: a name could resolve to something else than the user thinks.
            if (!bind.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
                throw new UnknownHostException(bind);
            }
            return InetAddress.getByName(bind.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind '" + bind + "': expected an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
        }
    }

    private static int port(int port, String option) {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException(option + " " + port + ": expected a port from 1 to 65535, or 0 to turn it off");
        }
        return port == 0 ? ListenConfig.OFF : port;
    }

    private int maxMessageSize() {
        if (maxMessageSize == null) {
            return 0;
        }
        if (maxMessageSize < 1024) {
            throw new InvalidInputException("--max-message-size " + maxMessageSize + ": expected at least 1024 bytes");
        }
        return maxMessageSize;
    }
}
