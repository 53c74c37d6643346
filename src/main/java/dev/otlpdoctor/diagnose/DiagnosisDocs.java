package dev.otlpdoctor.diagnose;

import java.util.List;

/** The Markdown of docs/diagnosis.md, generated from the rules so the page cannot drift from the code. */
public final class DiagnosisDocs {
    private DiagnosisDocs() {
    }

    public static String markdown(List<RuleDoc> rules) {
        StringBuilder md = new StringBuilder();
        md.append("# Diagnosis: from findings to one root cause\n\n")
                .append("A list of findings is not an answer. After the probes ran, `check` reads all the findings ")
                .append("of the run\n(network, local, config, Kubernetes, collector) and names **one** most likely ")
                .append("root cause: the first line of\ntext output and `diagnosis` in JSON (`null` when nothing ")
                .append("failed or warned). The diagnosis has a code\n(`otlpdoctor explain CODE` prints it), a ")
                .append("title, a summary, the numbered fix, and `alsoCheck`: the other failing\nor warning codes ")
                .append("of the run, most severe first. Each target of a fleet also gets its own diagnosis.\n\n")
                .append("When nothing is `warn` or worse, the verdict says what was proven, e.g. `traces, metrics, ")
                .append("logs accepted\nover grpc at collector:4317`.\n\n")
                .append("## Rules\n\n")
                .append("Rules are tried in this order, most specific first; the first that recognises its ")
                .append("pattern decides.\nThis page is generated from the rules (`dev.otlpdoctor.diagnose`) ")
                .append("and checked against them by the build.\n\n")
                .append("| # | rule | evidence it needs | diagnosis |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < rules.size(); i++) {
            RuleDoc rule = rules.get(i);
            md.append("| ").append(i + 1).append(" | ").append(rule.name()).append(" | ")
                    .append(rule.evidence().replace("|", "\\|")).append(" | ").append(rule.names()).append(" |\n");
        }
        return md.toString();
    }
}
