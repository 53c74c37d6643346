package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.Item;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.LiveView;
import dev.otlpdoctor.listen.view.SummaryText;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {
    @Test
    void aTickShowsWhatArrivedSinceTheLastOne() {
        Tally tally = new Tally(10, Clock.systemUTC());
        tally.accepted(Signal.TRACES, Protocol.GRPC, "127.0.0.1:5000",
                List.of(new Item(Signal.TRACES, "checkout", "GET /", "")));
        StringWriter text = new StringWriter();
        LiveView view = new LiveView(new PrintWriter(text, true), true, tally.snapshot());

        tally.accepted(Signal.TRACES, Protocol.GRPC, "127.0.0.1:5000", List.of(
                new Item(Signal.TRACES, "checkout", "GET /", ""), new Item(Signal.TRACES, "checkout", "SELECT", "")));
        tally.accepted(Signal.LOGS, Protocol.HTTP_JSON, "[::1]:6000",
                List.of(new Item(Signal.LOGS, "cart", "ERROR", "payment failed")));
        tally.rejected("malformed");
        view.tick(tally.snapshot());

        String out = text.toString();
        assertThat(out).contains("traces   checkout", "+2 spans", "3 in all", "GET / ×2, SELECT ×1");
        assertThat(out).contains("logs     cart", "+1 log records", "ERROR ×1");
        assertThat(out).contains("new client [::1]:6000 over http/json").doesNotContain("new client 127.0.0.1:5000");
        assertThat(out).contains("rejected 1 request(s): malformed");
        // -v: each new item once, the one from before the previous tick not again
        assertThat(out).contains("payment failed  (http/json from [::1]:6000)");
        assertThat(out.lines().filter(l -> l.contains("GET /  (grpc"))).hasSize(1);
    }

    @Test
    void theSummaryListsServicesNamesClientsAndExpectations() {
        Tally tally = new Tally(0, Clock.systemUTC());
        for (int i = 0; i < 7; i++) {
            tally.accepted(Signal.METRICS, Protocol.HTTP_PROTOBUF, "127.0.0.1:7000",
                    List.of(new Item(Signal.METRICS, "checkout", "metric-" + i, "")));
        }
        StringWriter text = new StringWriter();
        SummaryText.print(tally.snapshot(), List.of(Expectation.parse("metrics>=7"), Expectation.parse("logs>0")),
                false, new PrintWriter(text, true));
        assertThat(text.toString()).contains("7 data points in 7 requests", "checkout", "+2 more",
                "127.0.0.1:7000           http/protobuf  7 requests, 7 items",
                "met     metrics>=7", "NOT MET logs>0", "(0 log records)");
    }
}
