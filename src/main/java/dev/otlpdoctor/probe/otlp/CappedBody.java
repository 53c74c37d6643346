package dev.otlpdoctor.probe.otlp;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** A response body read up to a cap: a server that answers forever cannot exhaust the tool. */
record CappedBody(byte[] bytes, boolean capped) {
    static final int CAP = 64 * 1024;

    static CappedBody read(ResponseBody body) throws IOException {
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (buffer.size() <= CAP) {
            if (source.read(buffer, 8192) == -1) {
                return new CappedBody(buffer.readByteArray(), false);
            }
        }
        return new CappedBody(buffer.readByteArray(CAP), true);
    }

    String excerpt() {
        return Excerpt.of(bytes, bytes.length);
    }
}
