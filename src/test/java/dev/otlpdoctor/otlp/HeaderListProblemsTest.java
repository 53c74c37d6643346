package dev.otlpdoctor.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code OTEL_EXPORTER_OTLP_HEADERS} as env lints it: names and problems, never a value. */
class HeaderListProblemsTest {

    private static ParsedHeaders parse(String value) {
        return OtlpHeaders.parseList(value, "env " + OtlpHeaders.ENV);
    }

    private static String problems(ParsedHeaders parsed) {
        return String.join("\n", parsed.problems().stream().map(HeaderProblem::message).toList());
    }


    @Test
    void wellFormedListGivesNamesOnly() {
        ParsedHeaders list = parse("authorization=Bearer%20s3cret, x-tenant=acme");
        assertThat(list.names()).containsExactly("authorization", "x-tenant");
        assertThat(list.problems()).isEmpty();
    }

    @Test
    void problemsNameTheEntryButNeverTheValue() {
        ParsedHeaders list = parse("api-key,authorization=Bearer s3cret,x=%zz,=v,bad name=1");
        assertThat(list.problems()).hasSize(5);
        assertThat(problems(list))
                .contains("entry 1 has no '='", "unencoded space", "'%' that does not start", "empty name",
                        "header name 'bad…'")
                .doesNotContain("s3cret");
        assertThat(list.onlyLenientProblems()).isFalse();
    }

    @Test
    void onlyRawSpacesIsTheLenientCase() {
        assertThat(parse("authorization=Basic abc").onlyLenientProblems()).isTrue();
    }

    @Test
    void aCurlStyleHeaderNamesTheHeaderButNotItsToken() {
        ParsedHeaders list = parse("Authorization: Basic dXNlcjpwYXNz=");
        assertThat(list.names()).containsExactly("Authorization");
        assertThat(problems(list)).contains("'name: value'").doesNotContain("dXNlcjpwYXNz", "Basic");
    }
}
