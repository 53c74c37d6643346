package dev.otlpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.HostileServer;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property: a credential given to otlpdoctor through any input never appears in any output. Each seed
 * generates credentials (header-token and URL-safe alphabets, varied lengths) and feeds them through every
 * input — {@code -H} in both syntaxes, {@code OTEL_EXPORTER_OTLP_HEADERS}, URL userinfo and query strings,
 * dotenv files, Kubernetes manifests, collector configs — against servers that reflect what they were sent
 * (a 400 body repeating the request's headers, a grpc-message quoting the token). Every output format
 * (text, {@code -v}, {@code --debug}, json, sarif) and stderr is searched for the credential.
 */
class SecretsNeverPrintedTest {
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-._~";
    private static final String URL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final List<List<String>> CHECK_OUTPUTS = List.of(List.of(), List.of("-v"), List.of("--debug", "-v"),
            List.of("-o", "json"));

    private static HostileServer reflecting;

    @TempDir
    Path dir;

    @BeforeAll
    static void startReflectingServer() throws IOException {
        reflecting = HostileServer.reflectingHeaders();
    }

    @AfterAll
    static void stop() throws IOException {
        reflecting.close();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 3).mapToObj(i -> 0x5ec2e7L * (i + 1));
    }

    private static String generate(Random random, String alphabet) {
        StringBuilder out = new StringBuilder();
        int length = 12 + random.nextInt(30);
        while (out.length() < length) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // Start with a letter: a credential of only '=' and '.' would be found in unrelated text.
        return "Q" + out;
    }

    /** Runs a command line in each output format and returns every result. */
    private static List<CliDriver.Result> inAllFormats(Function<List<String>, CliDriver.Result> run,
                                                       List<List<String>> formats) {
        List<CliDriver.Result> results = new ArrayList<>();
        for (List<String> format : formats) {
            results.add(run.apply(format));
        }
        return results;
    }

    private static String[] args(List<String> head, List<String> format) {
        List<String> all = new ArrayList<>(head);
        all.addAll(format);
        return all.toArray(String[]::new);
    }

    private static void assertNowhere(String secret, List<CliDriver.Result> results) {
        for (CliDriver.Result result : results) {
            assertThat(result.out()).as(result.toString()).doesNotContain(secret);
            assertThat(result.err()).as(result.toString()).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void headersSentToAReflectingServerAreNeverPrinted(long seed) {
        Random random = new Random(seed);
        String token = generate(random, TOKEN_CHARS);
        String target = "http://" + reflecting.address();
        List<String> check = List.of("check", "--no-local", target, "--protocol", "http/protobuf", "--signals", "traces",
                "--timeout", "3s");
        List<CliDriver.Result> results = new ArrayList<>();
        // -H name=value, -H in curl's syntax (an input error), and the environment variable (URL-encoded).
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(withOption(check, "-H",
                "authorization=Bearer " + token), f)), CHECK_OUTPUTS));
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(withOption(check, "-H",
                "Authorization: Bearer " + token), f)), CHECK_OUTPUTS));
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(withOption(check, "-H", token), f)),
                CHECK_OUTPUTS));
        results.addAll(inAllFormats(f -> CliDriver.create()
                .env("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=" + java.net.URLEncoder.encode(token,
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .run(args(check, f)), CHECK_OUTPUTS));
        results.addAll(inAllFormats(f -> CliDriver.create()
                .env("OTEL_EXPORTER_OTLP_HEADERS", "Authorization: Basic " + token)
                .run(args(check, f)), CHECK_OUTPUTS));
        assertNowhere(token, results);
        assertNowhere("Bearer " + token.substring(0, 8), results);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aGrpcMessageQuotingTheTokenIsMasked(long seed) throws Exception {
        String token = generate(new Random(seed), URL_CHARS);
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder()
                .fail(Signal.TRACES, Status.UNAUTHENTICATED.withDescription("token " + token + " is not valid"))
                .fail(Signal.METRICS, Status.INVALID_ARGUMENT.withDescription("header authorization: Bearer " + token))
                .start()) {
            List<String> check = List.of("check", "--no-local", collector.address(), "--protocol", "grpc",
                    "-H", "authorization=Bearer " + token);
            assertNowhere(token, inAllFormats(f -> CliDriver.create().run(args(check, f)), CHECK_OUTPUTS));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void urlUserinfoAndQueryStringsAreNeverPrinted(long seed) throws IOException {
        Random random = new Random(seed);
        String password = generate(random, URL_CHARS);
        String key = generate(random, URL_CHARS);
        String host = reflecting.address();
        List<CliDriver.Result> results = new ArrayList<>();
        for (String target : List.of("http://user:" + password + "@" + host + "/?api_key=" + key,
                "http://" + host + "/v1?api_key=" + key + "#" + password,
                "ftp://user:" + password + "@" + host + "/?k=" + key,
                "user:" + password + "@" + host + "?api_key=" + key)) {
            results.addAll(inAllFormats(f -> CliDriver.create().run(args(List.of("check", "--no-local", target,
                    "--protocol", "http/protobuf", "--signals", "traces", "--timeout", "3s"), f)), CHECK_OUTPUTS));
        }
        Path fleet = dir.resolve("fleet.txt");
        Files.writeString(fleet, "http://user:" + password + "@" + host + "/?api_key=" + key + "\n"
                + "http://" + host + "/?token=" + key + "&x\n");
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(List.of("check", "--no-local", "--targets-file",
                fleet.toString(), "--protocol", "http/protobuf", "--signals", "traces", "--timeout", "3s"), f)),
                CHECK_OUTPUTS));
        results.addAll(inAllFormats(f -> CliDriver.create()
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://user:" + password + "@" + host + "/?api_key=" + key)
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .run(args(List.of("check", "--no-local", "--signals", "traces", "--timeout", "3s"), f)), CHECK_OUTPUTS));
        assertNowhere(password, results);
        assertNowhere(key, results);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void dotenvManifestsAndConfigsNeverPrintTheirSecrets(long seed) throws IOException {
        Random random = new Random(seed);
        String token = generate(random, URL_CHARS);
        String password = generate(random, URL_CHARS);
        List<List<String>> formats = List.of(List.of(), List.of("-v"), List.of("--debug", "-v"), List.of("-o", "json"));
        Path env = dir.resolve("app.env");
        Files.writeString(env, "OTEL_EXPORTER_OTLP_ENDPOINT=https://user:" + password + "@collector:4318/?k=" + password
                + "\nOTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20" + token + ",Authorization: Basic " + token
                + "=,x-key " + token + "\n");
        Path manifest = dir.resolve("deploy.yaml");
        Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          env:
                            - name: OTEL_EXPORTER_OTLP_ENDPOINT
                              value: "http://user:%s@collector:4317/?api_key=%s"
                            - name: OTEL_EXPORTER_OTLP_HEADERS
                              value: "Authorization: Bearer %s"
                """.formatted(password, password, token));
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        auth: {authenticator: bearertokenauth}
                extensions:
                  bearertokenauth: {token: "%s"}
                exporters:
                  otlphttp:
                    endpoint: "https://user:%s@backend:4318/?api_key=%s"
                    headers: {authorization: "Bearer %s"}
                service:
                  extensions: [bearertokenauth]
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlphttp]}
                """.formatted(token, password, password, token));
        List<CliDriver.Result> results = new ArrayList<>();
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(List.of("env", "--env-file", env.toString()), f)),
                formats));
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(List.of("env", "--manifest",
                manifest.toString()), f)), formats));
        List<List<String>> lintFormats = new ArrayList<>(formats);
        lintFormats.add(List.of("-o", "sarif"));
        results.addAll(inAllFormats(f -> CliDriver.create().run(args(List.of("lint", config.toString()), f)),
                lintFormats));
        assertNowhere(token, results);
        assertNowhere(password, results);
    }

    private static List<String> withOption(List<String> args, String option, String value) {
        List<String> out = new ArrayList<>(args);
        out.add(option);
        out.add(value);
        return out;
    }
}
