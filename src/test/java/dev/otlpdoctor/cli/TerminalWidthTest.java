package dev.otlpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalWidthTest {
    @Test
    void columnsFromTheShellWin() {
        assertThat(TerminalWidth.of(Map.of("COLUMNS", "132"))).isEqualTo(132);
    }

    @Test
    void anythingButAColumnCountIsUnknown() {
        assertThat(TerminalWidth.parse("wide")).isZero();
        assertThat(TerminalWidth.parse("-80")).isZero();
        assertThat(TerminalWidth.parse("99999")).isZero();
        assertThat(TerminalWidth.parse(null)).isZero();
        assertThat(TerminalWidth.parse(" 100 ")).isEqualTo(100);
    }
}
