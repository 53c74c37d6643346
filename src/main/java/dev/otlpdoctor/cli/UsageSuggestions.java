package dev.otlpdoctor.cli;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line for a mistyped command or option, with a "did you mean" naming the close names.
 * picocli has suggestions of its own, but prints them on lines of their own and by a cosine similarity
 * loose enough to offer {@code listen} for {@code frobnicate}; here a name is close when it is a few
 * edits away (a typo, a missing or swapped letter) or starts with what was typed (an abbreviation).
 */
final class UsageSuggestions {
    /** More than this many candidates is a guess, not a suggestion. */
    private static final int MAX_SUGGESTIONS = 3;
    /** What is typed before an abbreviation counts: {@code --p} could be anything. */
    private static final int MIN_PREFIX = 3;

    /** How picocli's {@code help} command says it does not know the command it should describe. */
    private static final Pattern UNKNOWN_HELP_TOPIC = Pattern.compile("Unknown subcommand '(.*)'\\.");

    private UsageSuggestions() {
    }

    /** The usage error's one line (without the command name in front). */
    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return describe(unmatched);
        }
        String problem = firstLine(ex.getMessage());
        Matcher helpTopic = UNKNOWN_HELP_TOPIC.matcher(problem);
        if (helpTopic.matches()) {
            String typed = helpTopic.group(1);
            return "unknown command '" + typed + "'"
                    + didYouMean(typed, ex.getCommandLine().getSubcommands().keySet().stream());
        }
        return problem;
    }

    private static String describe(UnmatchedArgumentException ex) {
        CommandLine command = ex.getCommandLine();
        List<String> unmatched = ex.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (namesACommand(command, first)) {
            return "unknown command '" + first + "'" + didYouMean(first, command.getSubcommands().keySet().stream());
        }
        String problem = firstLine(ex.getMessage());
        if (ex.isUnknownOption() && first.startsWith("-")) {
            String typed = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return problem + didYouMean(typed, command.getCommandSpec().optionsMap().keySet().stream());
        }
        return problem;
    }

    /** " (did you mean 'a' or 'b'?)", or nothing when no name is close to {@code typed}. */
    static String didYouMean(String typed, Stream<String> names) {
        List<String> close = names.distinct()
                .filter(name -> isClose(typed, name))
                .sorted(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(name -> name))
                .limit(MAX_SUGGESTIONS)
                .map(name -> "'" + name + "'")
                .toList();
        if (close.isEmpty()) {
            return "";
        }
        String joined = close.size() == 1 ? close.get(0)
                : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
        return " (did you mean " + joined + "?)";
    }

    private static boolean isClose(String typed, String name) {
        String bareTyped = typed.replaceFirst("^-+", "");
        String bareName = name.replaceFirst("^-+", "");
        if (bareTyped.isEmpty() || bareName.length() < 2) {
            return false; // one-letter options are not guessed at
        }
        if (bareTyped.length() >= MIN_PREFIX && bareName.startsWith(bareTyped)) {
            return true;
        }
        int allowed = bareTyped.length() <= 4 ? 1 : 2;
        return distance(bareTyped, bareName) <= allowed;
    }

    /** Edits (insert, delete, replace, swap of neighbours) between two names: the optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Whether the argument stands where a command has to be named: the command has subcommands and no
     * positional parameters of its own, so a word it does not know can only be a mistyped command.
     */
    private static boolean namesACommand(CommandLine command, String argument) {
        return !command.getSubcommands().isEmpty() && command.getCommandSpec().positionalParameters().isEmpty()
                && !argument.startsWith("-");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
