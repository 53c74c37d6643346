package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code otlpdoctor completion bash|zsh|fish}: each script is checked by the shell it is for where that
 * shell is installed (.ci/run installs fish and zsh when it can), and its content otherwise.
 */
class CompletionScriptsTest {
    private final CliDriver cli = CliDriver.create();

    @TempDir
    Path dir;

    @Test
    void completionValuesAreLowerCaseAsUsersTypeThem() {
        CommandLine root = Subcommands.commandLine(new RootCommand(Map.of()), new String[] {"completion", "bash"});
        List<String> values = new ArrayList<>();
        for (CommandLine command : root.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.completionCandidates() != null) {
                    arg.completionCandidates().forEach(values::add);
                }
            }
        }
        assertThat(values).contains("grpc", "http/protobuf", "text", "json", "sarif", "fish", "tcp.refused")
                .allSatisfy(v -> assertThat(v).isEqualTo(v.toLowerCase(Locale.ROOT)));
        String bash = cli.run("completion", "bash").out();
        assertThat(bash).contains("(\"auto\" \"grpc\" \"http/protobuf\" \"http/json\")", "(\"text\" \"json\" \"sarif\")",
                "(\"bash\" \"zsh\" \"fish\")").doesNotContain("\"TEXT\"", "HTTP_PROTOBUF", "\"BASH\"");
    }

    @Test
    void bashScriptRegistersTheCompletion() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        Path script = write("otlpdoctor.bash", cli.run("completion", "bash"));
        var run = JarRunner.run(List.of("bash", "--norc", "-c", "source " + script + " && complete -p otlpdoctor"), 30, dir);
        assertThatRun(run).exitsWith(0).stdoutContains("-F _complete_otlpdoctor otlpdoctor");
    }

    @Test
    void zshScriptUsesButNeverRunsCompinit() throws Exception {
        var run = cli.run("completion", "zsh");
        assertThatRun(run).exitsWith(0).stdoutContains("bashcompinit", "complete -F");
        for (String line : run.out().lines().toList()) {
            String code = line.strip();
            if (!code.startsWith("#") && !code.startsWith("print ")) {
                assertThat(code).as("a line of the zsh script").doesNotContainPattern("(?<!bash)compinit");
            }
        }
        assumeTrue(onPath("zsh"), "zsh is not installed");
        Path script = write("otlpdoctor.zsh", run);
        var without = JarRunner.run(List.of("zsh", "-f", "-c", "source " + script), 30, dir);
        assertThatRun(without).exitsWith(1).stderrContains("zsh's completion system is not loaded",
                "autoload -Uz compinit && compinit");
        var with = JarRunner.run(List.of("zsh", "-f", "-c", "autoload -Uz compinit && compinit -u -D && source " + script
                + " && print -r -- \"${_comps[otlpdoctor]}\""), 30, dir, Map.of("HOME", dir.toString()));
        assertThatRun(with).exitsWith(0).stdoutContains("_complete_otlpdoctor");
    }

    @Test
    void fishScriptDescribesEveryCommandAndOption() {
        var run = cli.run("completion", "fish");
        assertThatRun(run).exitsWith(0).stderrIsEmpty();
        String script = run.out();
        CommandLine root = Subcommands.commandLine(new RootCommand(Map.of()), new String[] {"completion", "fish"});
        root.getSubcommands().forEach((name, command) -> {
            assertThat(script).contains("complete -c otlpdoctor -n __fish_use_subcommand -a '" + name + "'");
            for (var option : command.getCommandSpec().options()) {
                String longName = option.longestName();
                String flag = longName.startsWith("--") ? "-l '" + longName.substring(2) + "'" : "-s '" + longName.substring(1) + "'";
                assertThat(script).as("%s %s", name, longName)
                        .containsPattern("(?m)^complete -c otlpdoctor -n '__fish_seen_subcommand_from " + name + "' .*"
                                + java.util.regex.Pattern.quote(flag));
            }
        });
        assertThat(script).contains("-l 'protocol' -x -a 'auto grpc http/protobuf http/json'", "-l 'local' -l 'no-local'",
                "-l 'ca-cert' -r -F", "-s 'o' -l 'output' -x -a 'text json sarif'",
                "'__fish_seen_subcommand_from lint' -F", "'__fish_seen_subcommand_from completion' -a 'bash zsh fish'")
                .doesNotContain("${");
    }

    @Test
    void fishCompletesCommandsValuesAndFiles() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed (apt-get install fish)");
        Path script = write("otlpdoctor.fish", cli.run("completion", "fish"));
        Files.writeString(dir.resolve("collector.yaml"), "receivers: {}\n");
        assertThatRun(JarRunner.run(List.of("fish", "--no-config", "-n", script.toString()), 30, dir)).exitsWith(0);
        assertThat(fishComplete(script, "otlpdoctor ch")).containsExactly("check");
        assertThat(fishComplete(script, "otlpdoctor check --protocol "))
                .containsExactlyInAnyOrder("auto", "grpc", "http/protobuf", "http/json");
        assertThat(fishComplete(script, "otlpdoctor check --no-l")).containsExactly("--no-local");
        assertThat(fishComplete(script, "otlpdoctor lint -o ")).containsExactlyInAnyOrder("text", "json", "sarif");
        assertThat(fishComplete(script, "otlpdoctor completion ")).containsExactlyInAnyOrder("bash", "zsh", "fish");
        assertThat(fishComplete(script, "otlpdoctor explain tcp.ref")).containsExactly("tcp.refused");
        assertThat(fishComplete(script, "otlpdoctor help li")).containsExactlyInAnyOrder("lint", "listen");
        assertThat(fishComplete(script, "otlpdoctor lint coll")).containsExactly("collector.yaml");
        assertThat(fishComplete(script, "otlpdoctor check coll")).as("TARGET is a host, not a file").isEmpty();
    }

    /** What fish offers for a command line: the candidates, without their descriptions. */
    private List<String> fishComplete(Path script, String commandLine) throws Exception {
        var run = JarRunner.run(List.of("fish", "--no-config", "-c", "source " + script + "; complete -C '" + commandLine + "'"),
                30, dir, Map.of("HOME", dir.toString()));
        assertThatRun(run).exitsWith(0);
        return run.out().lines().map(l -> l.split("\t")[0]).toList();
    }

    private Path write(String name, CliDriver.Result run) throws Exception {
        assertThatRun(run).exitsWith(0);
        return Files.writeString(dir.resolve(name), run.out());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
