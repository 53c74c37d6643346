package dev.otlpdoctor.lint.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML scalar typing as the collector's YAML library does it, and Go's duration syntax. */
class ValueTypeTest {
    private static final Location AT = new Location("f", 1, 1);

    @ParameterizedTest
    @CsvSource({"4317,INTEGER", "-5,INTEGER", "0x1F,INTEGER", "1_000,INTEGER", "1.2,FLOAT", "1e3,FLOAT", ".5,FLOAT",
            ".inf,FLOAT", "true,BOOLEAN", "False,BOOLEAN", "yes,STRING", "on,STRING", "0.0.0.0:4317,STRING",
            "5s,STRING", "1.2.3,STRING", "gzip,STRING"})
    void plainScalars(String text, ValueType type) {
        assertThat(ValueType.of(YamlNode.scalar(text, YamlNode.ScalarForm.PLAIN, AT))).isEqualTo(type);
        assertThat(ValueType.of(YamlNode.scalar(text, YamlNode.ScalarForm.QUOTED, AT))).isEqualTo(ValueType.STRING);
    }

    @ParameterizedTest
    @CsvSource({"5s,true", "200ms,true", "1m30s,true", "1.5h,true", "0,true", "-3s,true", "300us,true", "2µs,true",
            "5,false", "5sec,false", "10S,false", "5 s,false", "1d,false", "s,false", "'',false", "10min,false"})
    void goDurations(String text, boolean valid) {
        assertThat(GoDuration.valid(text)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"htp,http,http", "gprc,grpc,grpc", "send_batchsize,send_batch_size,send_batch_size",
            "max_size_items,max_size,max_size", "1.4,1.0,", "xyz,http,", "protobuf,proto,proto"})
    void suggestions(String written, String candidate, String expected) {
        assertThat(KeySuggestion.closest(written, java.util.List.of(candidate, "unrelated_key"))).isEqualTo(expected);
    }
}
