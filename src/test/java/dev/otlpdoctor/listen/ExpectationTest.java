package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.Item;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationTest {
    private static Summary received() {
        Tally tally = new Tally(0, Clock.systemUTC());
        tally.accepted(Signal.TRACES, Protocol.GRPC, "127.0.0.1:1", List.of(
                new Item(Signal.TRACES, "checkout", "GET /", ""),
                new Item(Signal.TRACES, "checkout", "GET /", ""),
                new Item(Signal.TRACES, "cart", "SELECT", "")));
        tally.accepted(Signal.LOGS, Protocol.HTTP_JSON, "127.0.0.1:2", List.of(
                new Item(Signal.LOGS, "cart", "ERROR", "boom")));
        return tally.snapshot();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "traces>=1|true", "traces>3|false", "traces=3|true", "traces==3|true", "traces<3|false", "traces<=3|true",
        "metrics>0|false", "metrics=0|true", "logs = 1|true",
        "traces[checkout]>=2|true", "traces[cart]=1|true", "traces[nobody]>0|false",
        "service.name=checkout|true", "service.name=cart|true", "service.name=billing|false",
        "span.name=GET /|true", "span.name=GET|false", "metric.name=GET /|false",
        "log.severity=ERROR|true", "log.severity=INFO|false"})
    void holdsAgainstWhatWasReceived(String text, boolean holds) {
        Expectation expectation = Expectation.parse(text);
        assertThat(expectation.holds(received())).as(text).isEqualTo(holds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "traces", "traces>>1", "spans>=1", "traces>=-1", "service.name=", "traces>=x", "env=prod"})
    void badSyntaxIsAUsageError(String text) {
        assertThatThrownBy(() -> Expectation.parse(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessageContaining("--expect '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"logs>=2|1 log records", "service.name=billing|not seen"})
    void observedSaysWhatWasSeen(String text, String observed) {
        assertThat(Expectation.parse(text).observed(received())).isEqualTo(observed);
    }
}
