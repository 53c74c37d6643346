package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import com.google.protobuf.Message;
import dev.otlpdoctor.target.Protocol;

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
    public void accept(Signal signal, Protocol protocol, String client, Message request) {
        if (jsonLines != null) {
            jsonLines.write(request);
        }
        tally.accepted(signal, protocol, client, OtlpItems.of(signal, request));
    }

    @Override
    public void reject(String reason) {
        tally.rejected(reason);
    }

    public Tally tally() {
        return tally;
    }
}
