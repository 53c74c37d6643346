package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.Ports;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The conventions users bring from other command-line tools (issue 19, item 5). */
class CliConventionsTest {
    private final CliDriver cli = CliDriver.create();

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "chek#otlpdoctor: unknown command 'chek' (did you mean 'check'?)",
        "lnt x.yaml#otlpdoctor: unknown command 'lnt' (did you mean 'lint'?)",
        "--debug lisen#otlpdoctor: unknown command 'lisen' (did you mean 'listen'?)",
        "frobnicate#otlpdoctor: unknown command 'frobnicate'",
        "help chek#otlpdoctor: unknown command 'chek' (did you mean 'check'?)",
        "check --timout 5s#otlpdoctor check: Unknown option: '--timout' (did you mean '--timeout'?)",
        "check --timeot=5s#otlpdoctor check: Unknown option: '--timeot=5s' (did you mean '--timeout'?)",
        "check --prot grpc#otlpdoctor check: Unknown option: '--prot' (did you mean '--protocol'?)",
        "check --no-colour#otlpdoctor check: Unknown option: '--no-colour' (did you mean '--no-color'?)",
        "explain --lst#otlpdoctor explain: Unknown option: '--lst' (did you mean '--list'?)",
        "--verison#otlpdoctor: Unknown option: '--verison' (did you mean '--version'?)",
        "check -x#otlpdoctor check: Unknown option: '-x'",
    })
    void mistypedCommandsAndOptionsExit2WithOneLineAndTheNearestNames(String args, String message) {
        assertThatRun(cli.run(args.split(" "))).isUsageError(message);
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(UsageSuggestions.distance("chekc", "check")).isEqualTo(1);
        assertThat(UsageSuggestions.distance("lint", "lint")).isZero();
        assertThat(UsageSuggestions.distance("", "env")).isEqualTo(3);
        assertThat(UsageSuggestions.didYouMean("evn", java.util.stream.Stream.of("env", "explain"))).isEqualTo(" (did you mean 'env'?)");
    }

    @Test
    void helpCommandPrintsACommandsHelp() {
        var help = cli.run("help", "check");
        assertThatRun(help).exitsWith(0).stderrIsEmpty();
        assertThat(help.out()).isEqualTo(cli.run("check", "--help").out()).contains("Usage: otlpdoctor check");
        assertThatRun(cli.run("help")).exitsWith(0).stdoutContains("Usage: otlpdoctor", "help");
        assertThatRun(cli.run("--help")).exitsWith(0).stdoutContains("  help ");
    }

    @Test
    void checkHelpHasAShortSynopsisAndEveryOptionUnderAHeading() {
        var run = cli.run("check", "--help");
        assertThatRun(run).exitsWith(0);
        assertThat(run.out()).contains("Usage: otlpdoctor check [OPTIONS] [TARGET...]");
        List<String> headings = CheckCommand.HELP_SECTIONS.stream().map(OptionSections.Section::heading).toList();
        int previous = -1;
        for (String heading : headings) {
            int at = run.out().indexOf("\n" + heading + "\n");
            assertThat(at).as("heading %s in\n%s", heading, run.out()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(run.out()).doesNotContain("Other options:");
        var check = Subcommands.commandLine(new RootCommand(java.util.Map.of()), new String[] {"check"})
                .getSubcommands().get("check").getCommandSpec();
        assertThat(OptionSections.unlisted(check, CheckCommand.HELP_SECTIONS)).isEmpty();
        // each option is listed once, under its heading
        String probing = run.out().substring(run.out().indexOf("\nProbing:\n"), run.out().indexOf("\nHeaders and TLS:\n"));
        assertThat(probing).contains("--timeout=DURATION", "--protocol=PROTOCOL", "--[no-]local").doesNotContain("--ca-cert");
        for (String option : List.of("--timeout=", "--ca-cert=", "--targets-file=", "--strict ", "--debug ")) {
            assertThat(run.out().split(java.util.regex.Pattern.quote(option), -1)).as(option).hasSize(2);
        }
    }

    @Test
    void anOptionNoSectionNamesIsListedUnderOtherOptions() {
        var check = Subcommands.commandLine(new RootCommand(java.util.Map.of()), new String[] {"check"})
                .getSubcommands().get("check");
        OptionSections.install(check, List.of(OptionSections.Section.of("Probing:", "--timeout")));
        String help = check.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("Probing:", "Other options:", "--ca-cert=FILE");
        assertThat(help.indexOf("--timeout=")).isLessThan(help.indexOf("Other options:"));
    }

    @Test
    void theFastVersionAnswerIsWhatPicocliWouldPrint() {
        assertThat(Main.asksForVersionOnly(new String[] {"--version"})).isTrue();
        assertThat(Main.asksForVersionOnly(new String[] {"-V"})).isTrue();
        assertThat(Main.asksForVersionOnly(new String[] {"check", "-V"})).isFalse();
        assertThat(Main.asksForVersionOnly(new String[] {"--version", "--debug"})).isFalse();
        assertThat(String.join("\n", VersionProvider.lines()) + "\n").isEqualTo(cli.run("--version").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "lint", "env", "listen", "explain", "completion"})
    void versionIsTheSameOnEveryCommand(String command) {
        String expected = cli.run("--version").out();
        assertThat(expected).startsWith("otlpdoctor ").contains("Java ");
        for (String flag : List.of("-V", "--version")) {
            List<String> args = new ArrayList<>();
            if (!command.isEmpty()) {
                args.add(command);
            }
            args.add(flag);
            var run = cli.run(args.toArray(String[]::new));
            assertThatRun(run).exitsWith(0).stderrIsEmpty();
            assertThat(run.out()).as("%s", run).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1m30s,90000", "1h2m3.5s,3723500", "250ms,250", "1.5s,1500", "2,2000", ".5s,500", "1m 30s,90000",
        "1500us,2", "1500000ns,2", "3µs1ms,1", "5s,5000", "24h,86400000"})
    void goStyleDurationsAreAccepted(String text, long millis) {
        assertThat(new DurationConverter().convert(text).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "check#--timeout#1m30x#is not a duration (examples: 500ms, 5s, 1m)",
        "check#--timeout#-5s#is not a duration (examples: 500ms, 5s, 1m)",
        "check#--timeout#1d#is not a duration (examples: 500ms, 5s, 1m)",
        "check#--timeout#s#is not a duration (examples: 500ms, 5s, 1m)",
        "check#--timeout#500us#is too short: give at least 1ms",
        "check#--timeout#24h0m1s#is longer than a day",
        "listen#--idle-timeout#1h2x#is not a duration (examples: 500ms, 5s, 1m)",
        "env#--timeout#1..5s#is not a duration (examples: 500ms, 5s, 1m)",
    })
    void badDurationsExit2NamingTheOptionAndValue(String command, String option, String value, String problem) {
        var run = cli.run(command, option, value);
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
        assertThat(run.err().lines().findFirst().orElseThrow())
                .isEqualTo("otlpdoctor " + command + ": Invalid value for option '" + option + "': '" + value + "' " + problem);
    }

    @Test
    void goStyleTimeoutBoundsARealCheck() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            var run = cli.run("check", "127.0.0.1:" + collector.port(), "--timeout", "0m5s", "-o", "json");
            assertThatRun(run).exitsWith(0);
        }
    }

    @Test
    void targetsFileDashReadsStandardInput() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            int refused = Ports.closedPort();
            String input = "# fleet from a pipe\n127.0.0.1:" + collector.port() + "  # healthy\n\n127.0.0.1:" + refused + "\n";
            var run = CliDriver.create().stdin(input)
                    .run("check", "--targets-file", "-", "--no-local", "--timeout", "5s", "-o", "json");
            JsonObject json = assertThatRun(run).exitsWith(1).json();
            List<JsonObject> targets = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("targets")) {
                targets.add(e.getAsJsonObject());
            }
            assertThat(targets).hasSize(2);
            assertThat(targets.get(0).getAsJsonObject("source").get("name").getAsString()).isEqualTo("stdin:2");
            assertThat(targets.get(0).get("status").getAsString()).isEqualTo("pass");
            assertThat(targets.get(1).getAsJsonObject("source").get("name").getAsString()).isEqualTo("stdin:4");
            assertThat(targets.get(1).get("status").getAsString()).isEqualTo("fail");
        }
    }

    @Test
    void targetsFileDashWithBadInputNamesTheLine() {
        var bad = CliDriver.create().stdin("collector:4317\ncollector:99999\n").run("check", "--targets-file", "-");
        assertThatRun(bad).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("stdin:2: TARGET 'collector:99999': port 99999 is out of range (1-65535)");
        var empty = CliDriver.create().stdin("# nothing\n").run("check", "--targets-file", "-");
        assertThatRun(empty).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("--targets-file -: no target in the input (one per line, # for comments)");
    }

    @Test
    void targetsFileDashGivesUpOnSilentInputAtTheDeadline() throws Exception {
        // a pipe whose writer never writes nor closes, like a terminal nobody types in
        try (PipedOutputStream writer = new PipedOutputStream(); PipedInputStream silent = new PipedInputStream(writer)) {
            var run = CliDriver.create().stdin(silent).run("check", "--targets-file", "-", "--timeout", "300ms");
            assertThatRun(run).exitsWith(2).stderrIsOneErrorLine()
                    .stderrContains("--targets-file -: standard input not read within the run's deadline (--timeout)");
        }
    }
}
