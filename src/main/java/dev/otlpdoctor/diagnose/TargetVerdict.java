package dev.otlpdoctor.diagnose;

import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Severity;

/**
 * What the diagnosis concludes for one target.
 *
 * @param status pass only on proof; fail when something on the path is broken or nothing was proven
 * @param diagnosis the root cause, or null when the target passed without a remark
 * @param verdict one line: the diagnosis title, or what was proven
 */
public record TargetVerdict(Severity status, Diagnosis diagnosis, String verdict) {
}
