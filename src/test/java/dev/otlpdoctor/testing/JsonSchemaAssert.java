package dev.otlpdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates JSON output against a JSON Schema published in docs/. The schemas refer to each other by their
 * {@code $id} (lint's findings are check's, env --check embeds a check report): every docs/json-schema*.json
 * is registered under its {@code $id}, so references resolve to the files in this tree, never to the network.
 */
public final class JsonSchemaAssert {
    private static final Path DOCS = Path.of("docs");

    private JsonSchemaAssert() {
    }

    public static void assertMatchesSchema(String schemaFile, CliDriver.Result result) {
        assertThat(errors(schemaFile, result.out())).as("JSON output does not match %s:\n%s", schemaFile, result).isEmpty();
    }

    /** The schema violations of a JSON text (empty when it matches). */
    public static List<Error> errors(String schemaFile, String json) {
        return load(schemaFile).validate(json, InputFormat.JSON);
    }

    private static Schema load(String schemaFile) {
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("json-schema.*\\.json")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                byId.put(JsonParser.parseString(text).getAsJsonObject().get("$id").getAsString(), text);
            }
            String text = Files.readString(Path.of(schemaFile), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry.schemas(byId))
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
