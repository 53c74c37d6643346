package dev.otlpdoctor.listen.view;

import com.google.protobuf.Message;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.otlp.OtlpJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --jsonl FILE}: every accepted export request as one line of OTLP/JSON, the body a collector's
 * OTLP/HTTP endpoint would accept with {@code Content-Type: application/json}. Writes happen on the
 * request thread, so a slow disk slows the clients rather than filling memory.
 */
public final class JsonLines implements AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;
    private IOException failure;

    private JsonLines(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public static JsonLines open(Path file) {
        try {
            return new JsonLines(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("--jsonl " + file + ": cannot be written (" + e.getMessage() + ")");
        }
    }

    public synchronized void write(Message request) {
        if (failure != null) {
            return;
        }
        try {
            writer.write(OtlpJson.print(request));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            failure = e; // the disk is full or gone: keep receiving, report at the end
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new InvalidInputException("--jsonl " + file + ": writing failed (" + failure.getMessage() + ")");
        }
    }
}
