package dev.otlpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingTextTest {
    private final FindingText text = new FindingText(new Style(false));

    private static Finding refused(Severity severity) {
        return NetworkCodes.TCP_REFUSED.finding().severity(severity).detail("nothing accepts connections")
                .evidence("address", "10.0.0.7:4317").evidence("file", "otel.yaml")
                .step("Start the collector.").step("Bind the receiver:\nendpoint: 0.0.0.0:4317").build();
    }

    private String print(Finding finding, Set<String> shownInHead) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        text.details(finding, "  ", shownInHead, out);
        out.flush();
        return buffer.toString();
    }

    @Test
    void detailEvidenceAndFixWithMultiLineStepsAlignedUnderTheirText() {
        String printed = print(refused(Severity.FAIL), Set.of("file"));
        assertThat(printed).startsWith("  nothing accepts connections\n  address: 10.0.0.7:4317\n  1. ")
                .doesNotContain("file: otel.yaml")
                .endsWith(". Start the collector.\n  6. Bind the receiver:\n     endpoint: 0.0.0.0:4317\n");
    }

    @Test
    void theFixIsPrintedOnlyForFindingsThatNeedAction() {
        assertThat(print(refused(Severity.WARN), Set.of())).contains(". Start the collector.");
        assertThat(print(refused(Severity.INFO), Set.of())).doesNotContain("Start the collector")
                .contains("file: otel.yaml");
        assertThat(print(refused(Severity.PASS), Set.of())).doesNotContain("1.");
    }

    @Test
    void onATerminalTheDetailIsWrappedToItsWidthAndTheStepsAreNot() {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        Finding finding = NetworkCodes.TCP_REFUSED.finding().severity(Severity.FAIL)
                .detail("nothing accepts connections on this port of this address, so the kernel answers every SYN"
                        + " with a reset").step("ss -tlnp | grep -E ':(4317|4318)' && systemctl status otelcol-contrib")
                .build();
        new FindingText(new Style(false, 60)).details(finding, "  ", Set.of(), out);
        out.flush();
        String[] lines = buffer.toString().split("\n");
        assertThat(lines[0]).hasSizeLessThanOrEqualTo(60);
        assertThat(lines[1]).startsWith("  ").hasSizeLessThanOrEqualTo(60);
        assertThat(buffer.toString()).contains(". ss -tlnp | grep -E ':(4317|4318)' && systemctl status otelcol-contrib\n");
    }
}
