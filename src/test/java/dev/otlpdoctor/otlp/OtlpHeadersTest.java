package dev.otlpdoctor.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.testing.CliDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpHeadersTest {

    @Test
    void environmentValuesAreUrlDecodedAndOptionsWin() {
        List<Header> headers = OtlpHeaders.resolve(
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc+def, x-tenant = acme ,"),
                List.of("x-tenant=other"));
        assertThat(headers).extracting(Header::name).containsExactly("authorization", "x-tenant");
        assertThat(headers.get(0).value()).isEqualTo("Bearer abc+def");
        assertThat(headers.get(1).value()).isEqualTo("other");
        assertThat(headers.get(1).source()).isEqualTo("-H");
        assertThat(headers.toString()).doesNotContain("abc", "other");
    }

    @Test
    void badHeadersNameTheHeaderButNeverTheValue() {
        // Text without '=' may be a bare token: only its leading name characters are shown, and a
        // curl-style header names the header but never its value.
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("Authorization: Bearer s3cr3t")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header 'authorization' is written 'name: value'")
                .message().doesNotContainIgnoringCase("s3cr3t").doesNotContainIgnoringCase("bearer");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("Authorization: Basic dXNlcjpwYXNz=")))
                .isInstanceOf(InvalidInputException.class)
                .message().doesNotContain("dXNlcjpwYXNz").doesNotContainIgnoringCase("basic");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("s3cr3t-token")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a header has no '='")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t%zz"), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("api-key").hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        CliDriver cli = CliDriver.create();
        assertThatRun(cli.run("check", "localhost:4317", "-H", "bad header=x")).exitsWith(2).stderrIsOneErrorLine();
        assertThatRun(cli.run("check", "localhost:4317", "--signals", "traces,profiles"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--signals", "profiles");
    }

    @Test
    void oneParserGivesHeadersNamesAndProblems() {
        ParsedHeaders parsed = OtlpHeaders.parseList("Authorization=Bearer s3cret, x-empty=, x-ok=a%2Cb, bad name=1,,k=%zz",
                "env OTEL_EXPORTER_OTLP_HEADERS");
        // a raw space is lenient: the header is still sent; an empty value, a bad name or escape are not
        assertThat(parsed.headers()).extracting(Header::name).containsExactly("authorization", "x-ok");
        assertThat(parsed.headers().get(1).value()).isEqualTo("a,b");
        assertThat(parsed.names()).containsExactly("Authorization", "x-empty", "x-ok", "bad", "k");
        assertThat(parsed.problems()).extracting(HeaderProblem::message).containsExactly(
                "header 'authorization' (entry 1) has an unencoded space in its value (write %20)",
                "header 'x-empty' (entry 2) has an empty value (SDKs such as Java's refuse the whole setting)",
                "header name 'bad…' (entry 4) has characters a header name cannot have; the rest is not shown, it may be a secret",
                "header 'k' (entry 6) has a '%' that does not start a %XX escape (write %25 for a literal '%')");
        assertThat(parsed.problems()).extracting(HeaderProblem::lenient).containsExactly(true, false, false, false);
        assertThat(parsed.onlyLenientProblems()).isFalse();
        assertThat(parsed.problems().toString()).doesNotContain("s3cret", "zz");
    }

    @Test
    void anOptionsValueIsSentAsWritten() {
        ParsedHeaders parsed = OtlpHeaders.parseOption("X-Key = a%20b c");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.headers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("x-key");
            assertThat(h.value()).isEqualTo("a%20b c");
            assertThat(h.source()).isEqualTo("-H");
        });
        assertThat(OtlpHeaders.parseOption("x=%0a").problems()).isEmpty();
        assertThat(OtlpHeaders.parseList("x=%0a", "env").problems()).extracting(HeaderProblem::message)
                .containsExactly("the value of header 'x' (entry 1) holds control characters");
    }
}
