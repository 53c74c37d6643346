package dev.otlpdoctor.diagnose;

/**
 * What a diagnosis rule documents about itself; docs/diagnosis.md is generated from these, in rule order.
 *
 * @param name a short name of the pattern
 * @param evidence the findings the rule needs, and how they must relate
 * @param names the code the diagnosis then names
 */
public record RuleDoc(String name, String evidence, String names) {
}
