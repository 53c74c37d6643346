package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Hop;

/**
 * What a diagnosis rule documents about itself; docs/diagnosis.md is generated from these, in rule order.
 *
 * @param hop the hop of the path whose breakage the rule recognises ({@link Hop#RUN} for the fallback)
 * @param name a short name of the pattern
 * @param evidence the findings the rule needs, and how they must relate
 * @param names the code the diagnosis then names
 */
public record RuleDoc(Hop hop, String name, String evidence, String names) {
}
