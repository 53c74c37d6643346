package dev.otlpdoctor.listen;

import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.ExportRequest;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.JsonLines;
import dev.otlpdoctor.otlp.Signal;

/** Counts every request in the {@link Tally} and, with {@code --jsonl}, writes it out. */
public final class Recorder implements ExportSink {
    private final Tally tally;
    private final JsonLines jsonLines;

    /** {@code jsonLines} may be null. */
    public Recorder(Tally tally, JsonLines jsonLines) {
        this.tally = tally;
        this.jsonLines = jsonLines;
    }

    @Override
    public void accept(Signal signal, Arrival arrival, ExportRequest request) {
        if (jsonLines != null) {
            jsonLines.write(request.message().get());
        }
        tally.accepted(signal, arrival, request.items(), request.resources());
    }

    @Override
    public void reject(Rejection rejection) {
        tally.rejected(rejection);
    }

    @Override
    public void misdirected(Misdirection misdirection) {
        tally.misdirected(misdirection);
    }

    @Override
    public void refused(String reason, String client) {
        tally.refused(reason);
    }

    public Tally tally() {
        return tally;
    }
}
