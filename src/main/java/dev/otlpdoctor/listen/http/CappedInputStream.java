package dev.otlpdoctor.listen.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link TooLarge} as soon as more than {@code max} bytes were read: request bodies are capped. */
public final class CappedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    CappedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws TooLarge {
        count += n;
        if (count > max) {
            throw new TooLarge(max);
        }
    }

    /** The body is larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("request body too large (limit " + max + " bytes)");
        }
    }
}
