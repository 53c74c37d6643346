package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;

/**
 * One bounded read of the collector's metrics page, turned into counters — or into the finding that says
 * why there are none.
 *
 * @param url the URL as shown in findings
 * @param counters the counters; {@code null} when {@code problem} is set
 * @param problem the finding explaining why no counters were read; {@code null} on success
 */
record MetricsScrape(String url, CollectorCounters counters, Finding problem) {
    /** A collector's page at the detailed level is some hundred kilobytes; more is not a collector's page. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    static MetricsScrape read(ProbeContext context, long budgetMillis) {
        URI url = CollectorUrls.metrics(context);
        String shown = CollectorUrls.shown(url);
        BoundedGet.Answer answer;
        try {
            answer = BoundedGet.fetch(url, budgetMillis, MAX_BYTES);
        } catch (InterruptedIOException e) {
            return failed(context, shown, "the page did not arrive within " + budgetMillis + " ms (no answer, or "
                    + "a body that does not end)");
        } catch (IOException e) {
            return failed(context, shown, HealthProbe.describe(e));
        }
        if (answer.status() != 200) {
            return failed(context, shown, "HTTP " + answer.status());
        }
        if (answer.truncated()) {
            return failed(context, shown, "the page is larger than " + (MAX_BYTES / 1024 / 1024) + " MiB, more than "
                    + "a collector's own metrics; reading stopped there");
        }
        Exposition exposition = Exposition.parse(answer.body());
        CollectorCounters counters = CollectorCounters.of(exposition);
        if (counters.isEmpty()) {
            Finding finding = CollectorCodes.TELEMETRY_UNRECOGNISED.finding()
                    .evidence("url", shown)
                    .evidence("contentType", answer.contentType())
                    .evidence("lines", exposition.lines())
                    .evidence("samples", exposition.samples().size())
                    .evidence("malformedLines", exposition.malformedLines())
                    .evidence("firstMalformedLine", exposition.firstMalformed())
                    .param("host", context.target().host())
                    .detail("{url} answered 200 with " + exposition.lines() + " lines, " + exposition.samples().size()
                            + " valid samples and " + exposition.malformedLines() + " lines that are not Prometheus "
                            + "samples, but no receiver or exporter counter of a collector.")
                    .build();
            return new MetricsScrape(shown, null, finding);
        }
        return new MetricsScrape(shown, counters, null);
    }

    private static MetricsScrape failed(ProbeContext context, String url, String reason) {
        Finding finding = CollectorCodes.TELEMETRY_UNAVAILABLE.finding()
                .evidence("url", url)
                .evidence("reason", reason)
                .param("host", context.target().host())
                .detail("The collector's own metrics could not be read at {url}: {reason}.")
                .build();
        return new MetricsScrape(url, null, finding);
    }
}
