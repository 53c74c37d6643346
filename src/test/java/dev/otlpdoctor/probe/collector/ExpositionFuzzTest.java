package dev.otlpdoctor.probe.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Prometheus text parser that reads the collector's own metrics page, and the counters taken
 * from it. A page is whatever a server on the metrics port sends, so nothing may throw. Runs the committed
 * inputs in every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/reliability.md).
 */
class ExpositionFuzzTest {

    /** Never throws; every line read is a sample, a malformed line, a comment or blank; the line cap holds. */
    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Exposition page = Exposition.parse(text);
        assertThat(page.lines()).isLessThanOrEqualTo(Exposition.MAX_LINES);
        assertThat(page.samples().size() + page.malformedLines()).isLessThanOrEqualTo(page.lines());
        assertThat(page.firstMalformed().isEmpty()).isEqualTo(page.malformedLines() == 0);
        assertThat(page.firstMalformed().length()).isLessThanOrEqualTo(81);
        CollectorCounters.of(page);
    }
}
