package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageErrorsTest {
    private final CliDriver cli = CliDriver.create();

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "check --frobnicate#otlpdoctor check: Unknown option: '--frobnicate'",
        "check --timeout 5x#otlpdoctor check: Invalid value for option '--timeout': '5x' is not a duration (examples: 500ms, 5s, 1m)",
        "check --timeout 0ms#otlpdoctor check: Invalid value for option '--timeout': '0ms' is too short: give at least 1ms",
        "check --protocol http#otlpdoctor check: Invalid value for option '--protocol': 'http' is not a protocol (auto, grpc, http/protobuf, http/json)",
        "check -o yaml#otlpdoctor check: Invalid value for option '--output': expected text, json or sarif (lint only), but was 'yaml'",
        "check -o sarif#otlpdoctor check: -o sarif: check writes text or json",
        "env --check -o sarif#otlpdoctor env: -o sarif: env writes text or json",
        "frobnicate#otlpdoctor: unknown command 'frobnicate'",
        "explain#otlpdoctor explain: Error: Missing required argument (specify one of these): (CODE | -l)",
    })
    void badArgumentsExit2WithOneLineAndAHint(String args, String message) {
        assertThatRun(cli.run(args.split(" "))).isUsageError(message);
    }

    @Test
    void badTargetExits2NamingTheTarget() {
        var run = cli.run("check", "collector:99999");
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
        assertThat(run.err().strip()).isEqualTo("otlpdoctor: TARGET 'collector:99999': port 99999 is out of range (1-65535)");
    }

    @Test
    void badEnvironmentExits2NamingTheVariable() {
        var run = CliDriver.create().env("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector").run("check");
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
        assertThat(run.err()).contains("OTEL_EXPORTER_OTLP_ENDPOINT 'ftp://collector': unsupported scheme 'ftp'");
    }

    @Test
    void noCommandIsAUsageError() {
        var run = cli.run();
        assertThatRun(run).exitsWith(2).stderrContains("missing COMMAND (one of: check, ", "explain", "lint", "completion");
    }

    @Test
    void helpAndVersionExit0() {
        assertThatRun(cli.run("--help")).exitsWith(0).stdoutContains("Usage: otlpdoctor", "Examples:", "check");
        assertThatRun(cli.run("check", "--help")).exitsWith(0)
                .stdoutContains("--timeout=DURATION", "Exit codes: 0 no failure", "otlpdoctor check collector-host");
        var version = cli.run("--version");
        assertThatRun(version).exitsWith(0);
        assertThat(version.out()).startsWith("otlpdoctor ").contains("Java ");
    }

    @Test
    void completionScriptsAreGenerated() {
        assertThatRun(cli.run("completion", "bash")).exitsWith(0)
                .stdoutContains("complete -F", "otlpdoctor", "check", "--timeout");
        assertThatRun(cli.run("completion", "zsh")).exitsWith(0).stdoutContains("bashcompinit", "complete -F");
        assertThatRun(cli.run("completion", "fish")).exitsWith(0).stdoutContains("complete -c otlpdoctor");
        assertThatRun(cli.run("completion", "tcsh")).exitsWith(2);
    }
}
