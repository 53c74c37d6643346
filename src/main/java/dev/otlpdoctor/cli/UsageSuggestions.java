package dev.otlpdoctor.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line for a mistyped command or option, with picocli's nearest names as a "did you mean"
 * (picocli prints its suggestions on lines of their own; the usage error stays one line here).
 */
final class UsageSuggestions {
    /** More than this many candidates is a guess, not a suggestion. */
    private static final int MAX_SUGGESTIONS = 3;

    private UsageSuggestions() {
    }

    static String describe(UnmatchedArgumentException ex) {
        CommandLine command = ex.getCommandLine();
        List<String> unmatched = ex.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        String problem;
        if (namesACommand(command, first)) {
            problem = "unknown command '" + first + "'";
        } else {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            int newline = message.indexOf('\n');
            problem = (newline < 0 ? message : message.substring(0, newline)).trim();
        }
        List<String> suggestions = ex.getSuggestions().stream().limit(MAX_SUGGESTIONS)
                .map(s -> "'" + s + "'").toList();
        if (suggestions.isEmpty()) {
            return problem;
        }
        String names = suggestions.size() == 1 ? suggestions.get(0)
                : suggestions.subList(0, suggestions.size() - 1).stream().collect(Collectors.joining(", "))
                        + " or " + suggestions.get(suggestions.size() - 1);
        return problem + " (did you mean " + names + "?)";
    }

    /**
     * Whether the argument stands where a command has to be named: the command has subcommands and no
     * positional parameters of its own, so a word it does not know can only be a mistyped command.
     */
    private static boolean namesACommand(CommandLine command, String argument) {
        return !command.getSubcommands().isEmpty() && command.getCommandSpec().positionalParameters().isEmpty()
                && !argument.startsWith("-");
    }
}
