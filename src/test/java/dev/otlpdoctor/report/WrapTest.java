package dev.otlpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {
    private static final String SENTENCE = "The collector listens on 127.0.0.1:4317 only: other hosts and containers"
            + " cannot reach it; set the receiver endpoint to 0.0.0.0:4317";

    @Test
    void wrapsAtSpacesUnderTheFirstLinesText() {
        String wrapped = Wrap.text(SENTENCE, 60, 4, "    ");
        assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(wrapped.lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("    ").doesNotStartWith("     "));
        assertThat(wrapped.replace("\n    ", " ")).isEqualTo(SENTENCE);
    }

    @Test
    void leavesTextAloneWithoutAWidthWhenItFitsOrWhenTooNarrow() {
        assertThat(Wrap.text(SENTENCE, 0, 4, "    ")).isEqualTo(SENTENCE);
        assertThat(Wrap.text(SENTENCE, 200, 4, "    ")).isEqualTo(SENTENCE);
        assertThat(Wrap.text(SENTENCE, 40, 20, "                    ")).isEqualTo(SENTENCE);
    }

    @Test
    void aWordLongerThanTheLineStaysWhole() {
        String url = "https://collector.example.internal:4318/a/very/long/path/that/does/not/fit/anywhere/at/all";
        assertThat(Wrap.text("see " + url + " now", 50, 0, "  ")).contains(url);
    }
}
