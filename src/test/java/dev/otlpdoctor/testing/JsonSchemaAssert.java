package dev.otlpdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;

/** Validates JSON output against a JSON Schema published in docs/. */
public final class JsonSchemaAssert {
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
        try {
            String text = Files.readString(Path.of(schemaFile), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
