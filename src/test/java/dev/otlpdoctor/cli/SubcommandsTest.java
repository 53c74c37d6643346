package dev.otlpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubcommandsTest {

    @Test
    void aNamedCommandIsTheOnlyOneRegistered() {
        assertThat(Subcommands.needed(new String[] {"check", "collector:4317", "-o", "json"}))
                .containsExactly(CheckCommand.class);
        assertThat(Subcommands.needed(new String[] {"--debug", "explain", "tcp.refused"}))
                .containsExactly(ExplainCommand.class);
    }

    @Test
    void aCheckIsRunWhenCheckIsNamedAndNoHelpIsAsked() {
        // Only a real check starts preparing its probes early (cli/Main): help stays free of TLS and OkHttp.
        assertThat(Subcommands.runs(new String[] {"check", "collector:4317"}, CheckCommand.class)).isTrue();
        assertThat(Subcommands.runs(new String[] {"--debug", "check"}, CheckCommand.class)).isTrue();
        assertThat(Subcommands.runs(new String[] {"check", "--help"}, CheckCommand.class)).isFalse();
        assertThat(Subcommands.runs(new String[] {"check", "-h"}, CheckCommand.class)).isFalse();
        assertThat(Subcommands.runs(new String[] {"lint", "c.yaml"}, CheckCommand.class)).isFalse();
        assertThat(Subcommands.runs(new String[] {"--help"}, CheckCommand.class)).isFalse();
        assertThat(Subcommands.runs(new String[] {"check", "-V"}, CheckCommand.class)).isFalse();
        assertThat(Subcommands.runs(new String[] {"help", "check"}, CheckCommand.class)).isFalse();
    }

    @Test
    void aBareVersionRequestRegistersNone() {
        assertThat(Subcommands.needed(new String[] {"--version"})).isEmpty();
        assertThat(Subcommands.needed(new String[] {"-V", "--debug"})).isEmpty();
    }

    @Test
    void helpMissingOrUnknownCommandsAndCompletionSeeTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"--debug"}, {"chek", "x"}, {"completion", "bash"}, {"help", "check"},
            {"--version", "--help"}}) {
            assertThat(Subcommands.needed(args)).as(String.join(" ", args)).isEqualTo(RootCommand.SUBCOMMANDS);
        }
    }

    @Test
    void everySubcommandIsFoundByItsName() {
        for (Class<?> command : RootCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            if (!Subcommands.WHOLE_TREE.contains(command)) {
                assertThat(Subcommands.needed(new String[] {name})).containsExactly(command);
            }
        }
    }
}
