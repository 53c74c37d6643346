package dev.otlpdoctor.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options listed under headings in its help ("Targets:", "TLS:", ...), like git and curl
 * group theirs. Only the help text changes: the options stay where they are declared (fields and mixins),
 * so how each one parses is untouched (picocli's own groups, {@code @ArgGroup}, would move them into
 * group objects). An option no section names is listed last under "Other options:", so a new option is
 * never missing from the help.
 */
final class OptionSections {
    /** One heading and the options under it, each named by any one of its names. */
    record Section(String heading, List<String> options) {
        static Section of(String heading, String... options) {
            return new Section(heading, List.of(options));
        }
    }

    private OptionSections() {
    }

    /** Renders {@code command}'s option list as {@code sections}. */
    static void install(CommandLine command, List<Section> sections) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> render(help, sections));
    }

    private static String render(Help help, List<Section> sections) {
        CommandSpec spec = help.commandSpec();
        Set<OptionSpec> listed = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            List<OptionSpec> options = new ArrayList<>();
            for (String name : section.options()) {
                OptionSpec option = spec.findOption(name);
                if (option != null && !option.hidden() && listed.add(option)) {
                    options.add(option);
                }
            }
            append(text, help, section.heading(), options);
        }
        List<OptionSpec> rest = spec.options().stream().filter(o -> !o.hidden() && !listed.contains(o)).toList();
        append(text, help, "Other options:", rest);
        return text.toString();
    }

    private static void append(StringBuilder text, Help help, String heading, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return;
        }
        text.append(String.format("%n")).append(help.createHeading(heading + "%n"))
                .append(help.optionListExcludingGroups(options));
    }

    /** The options of {@code spec} no section names (a test keeps this empty for every grouped command). */
    static List<String> unlisted(CommandSpec spec, List<Section> sections) {
        Set<OptionSpec> listed = new LinkedHashSet<>();
        sections.forEach(s -> s.options().forEach(n -> {
            OptionSpec option = spec.findOption(n);
            if (option != null) {
                listed.add(option);
            }
        }));
        return spec.options().stream().filter(o -> !o.hidden() && !listed.contains(o)).map(OptionSpec::longestName).toList();
    }
}
