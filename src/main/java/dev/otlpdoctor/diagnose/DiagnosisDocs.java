package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Hop;
import dev.otlpdoctor.report.catalog.Catalog;
import java.util.List;
import java.util.stream.Collectors;

/** The Markdown of docs/diagnosis.md, generated from the rules so the page cannot drift from the code. */
public final class DiagnosisDocs {
    private DiagnosisDocs() {
    }

    public static String markdown(List<RuleDoc> rules) {
        StringBuilder md = new StringBuilder();
        md.append("# Diagnosis: the first broken hop of the target's path\n\n")
                .append("A list of findings is not an answer. After the probes ran, `check` reads what they found for each ")
                .append("target\nand names **one** most likely root cause: the first line of text output and `diagnosis` in ")
                .append("JSON\n(`null` when nothing is wrong). The diagnosis has a code (`otlpdoctor explain CODE` prints it), ")
                .append("the hop\nof the path it sits on (`hop` in JSON, `Broken hop:` in text), a title, a summary, the numbered ")
                .append("fix, and\n`alsoCheck`: what is broken further along, most severe first.\n\n")
                .append("## The path\n\n")
                .append("Telemetry takes one path from the application to the collector's backend. Every finding code sits ")
                .append("on one hop\nof it (`hop` of each finding in JSON):\n\n")
                .append("| hop | what can break there | codes, for example |\n| --- | --- | --- |\n");
        for (Hop hop : Hop.values()) {
            md.append("| `").append(hop.label()).append("` | ").append(hop.description()).append(" | ")
                    .append(Catalog.all().stream().filter(e -> Hop.of(e.code()) == hop).limit(4)
                            .map(e -> "`" + e.code() + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        md.append("\nThe diagnosis names the **first broken hop**: a connection dropped by the packet filter never ")
                .append("reaches the\nsocket, so a firewall rule outranks a collector bound to loopback, and a socket that ")
                .append("refuses outranks a\npipeline that would have refused a signal.\n\n")
                .append("## Facts on the path, and context\n\n")
                .append("The local probes read this machine (processes, sockets in every network namespace, the packet ")
                .append("filter) and\n**bind each fact to a hop of the target's path** only when it is on it: the socket ")
                .append("that a connection to\nthe target's address and port reaches in this network namespace, directly, ")
                .append("through a port forwarder\n(docker-proxy, rootlessport, pasta, kubectl port-forward) or through a ")
                .append("DNAT rule into a container; the\nprocess that owns it; the config that process runs. Another ")
                .append("collector in another network namespace, on\nother ports, or bound elsewhere is **context**: ")
                .append("reported as `info` (with `onPath: false` in its evidence),\nnever raising the target's status. ")
                .append("When nothing serves the target's port, the sockets that come closest\n(bound to loopback or to ")
                .append("another address, or open only inside an unpublished container) explain the refusal.\n\n")
                .append("## Proof outranks inference\n\n")
                .append("What the probes proved end to end outranks what is inferred from the host or a config:\n\n")
                .append("- A target on which **every requested signal was accepted on every endpoint** (`otlp.ok` or ")
                .append("`otlp.partial-success`)\n  is `pass` or `warn`, never `fail`: an inferred problem (a stale ")
                .append("config, an exporter failing behind\n  the receiver) is then a warning. An export accepted only ")
                .append("past a TLS failure the application's exporter\n  would stop at (`tls.*` at `fail`) is not proof.\n")
                .append("- A target passes **only** on that proof. When no probe failed but the proof is missing (the ")
                .append("deadline came\n  first, a probe was skipped, every signal was throttled), the target fails with ")
                .append("`run.not-proven` (or the\n  code that stopped the proof), and the fix says what is missing.\n")
                .append("- A collector seen running with a config that \"cannot start\" disproves that for its release: ")
                .append("the lint\n  finding is lowered to `warn`, and the diagnosis looks further along the path.\n\n")
                .append("When the target passed, the verdict says what was proven, e.g. `traces, metrics, logs accepted\n")
                .append("over grpc at collector:4317`.\n\n")
                .append("## Rules\n\n")
                .append("Rules are tried in this order, along the path; the first that recognises its pattern decides.\n")
                .append("This page is generated from the rules (`dev.otlpdoctor.diagnose`) and checked against them by the ")
                .append("build.\n\n")
                .append("| # | hop | rule | evidence it needs | diagnosis |\n| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < rules.size(); i++) {
            RuleDoc rule = rules.get(i);
            md.append("| ").append(i + 1).append(" | `").append(rule.hop().label()).append("` | ").append(rule.name())
                    .append(" | ").append(rule.evidence().replace("|", "\\|")).append(" | ").append(rule.names())
                    .append(" |\n");
        }
        return md.toString();
    }
}
