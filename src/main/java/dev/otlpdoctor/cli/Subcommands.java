package dev.otlpdoctor.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Registers the subcommands a command line needs. picocli builds a command's whole model (reflection
 * over its options, mixins and converters) when the command is registered; for all subcommands that
 * was the largest part of {@code otlpdoctor --version}. So {@code check ...} registers only
 * {@code check}, a bare version request registers none, and anything else (help, a missing or unknown
 * command, {@code help COMMAND} and shell completion, which describe the whole tree) registers all of them.
 */
public final class Subcommands {
    private static final Set<String> VERSION = Set.of("-V", "--version");
    private static final Set<String> HELP = Set.of("-h", "--help");
    /** Root options allowed in a bare version request. */
    private static final Set<String> VERSION_ONLY = Set.of("-V", "--version", "--debug");
    /** Commands that describe the other commands, so need all of them registered. */
    static final Set<Class<?>> WHOLE_TREE = Set.of(CompletionCommand.class, HelpCommand.class);

    private Subcommands() {
    }

    /** The root command line for {@code args}, with the subcommands they need. */
    public static CommandLine commandLine(RootCommand root, String[] args) {
        CommandLine cli = new CommandLine(root);
        for (Class<?> command : needed(args)) {
            cli.addSubcommand(command);
        }
        CommandLine check = cli.getSubcommands().get("check");
        if (check != null) {
            OptionSections.install(check, CheckCommand.HELP_SECTIONS);
        }
        return cli;
    }

    /** Whether {@code args} run {@code command} (it is the one subcommand they need), not just its help or version. */
    static boolean runs(String[] args, Class<?> command) {
        return needed(args).equals(List.of(command))
                && Arrays.stream(args).noneMatch(a -> HELP.contains(a) || VERSION.contains(a));
    }

    static List<Class<?>> needed(String[] args) {
        if (Arrays.stream(args).anyMatch(VERSION::contains) && Arrays.stream(args).allMatch(VERSION_ONLY::contains)) {
            return List.of();
        }
        // The root's own options take no value, so the first argument that is not an option names the command.
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        return RootCommand.SUBCOMMANDS.stream()
                .filter(c -> nameOf(c).equals(named) && !WHOLE_TREE.contains(c))
                .findFirst()
                .map(List::<Class<?>>of)
                .orElse(RootCommand.SUBCOMMANDS);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
