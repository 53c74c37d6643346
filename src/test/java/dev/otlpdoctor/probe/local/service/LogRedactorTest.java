package dev.otlpdoctor.probe.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactorTest {

    @Test
    void aPasswordInAUrlKeepsTheUserAndHost() {
        assertThat(LogRedactor.redact("request to https://ingest:S3cret@backend.example.com/v1/traces failed"))
                .isEqualTo("request to https://ingest:<redacted>@backend.example.com/v1/traces failed");
    }

    @Test
    void bearerAndBasicCredentials() {
        assertThat(LogRedactor.redact("desc = Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.Zm9v is not allowed"))
                .isEqualTo("desc = Authorization: Bearer <redacted> is not allowed");
        assertThat(LogRedactor.redact("authorization=Basic dXNlcjpwYXNz")).isEqualTo("authorization=Basic <redacted>");
    }

    @Test
    void quotedJsonFieldsOfSecretKeys() {
        assertThat(LogRedactor.redact("{\"api_key\": \"AK-1234\", \"endpoint\": \"https://x\"}"))
                .isEqualTo("{\"api_key\": \"<redacted>\", \"endpoint\": \"https://x\"}");
        assertThat(LogRedactor.redact("{\"headers\": {\"authorization\": \"Bearer abcd1234\"}}"))
                .doesNotContain("abcd1234");
        assertThat(LogRedactor.redact("'password': 'hunter22'")).isEqualTo("'password': '<redacted>'");
    }

    @Test
    void keyValuePairsAndQueryParameters() {
        assertThat(LogRedactor.redact("GET /v1/traces?api_key=AK-77f3e1&tenant=acme"))
                .isEqualTo("GET /v1/traces?api_key=<redacted>&tenant=acme");
        assertThat(LogRedactor.redact("token=abc123 x-api-key: zz99 dd-api-key=q1w2 client_secret=s"))
                .isEqualTo("token=<redacted> x-api-key: <redacted> dd-api-key=<redacted> client_secret=<redacted>");
        assertThat(LogRedactor.redact("map[X-Scope-OrgID:[acme] Authorization:[Bearer tok-123456]]"))
                .doesNotContain("tok-123456").contains("X-Scope-OrgID:[acme]");
    }

    @Test
    void linesWithoutSecretsStayAsTheyAre() {
        for (String line : new String[] {CollectorLogSamples.ADDRESS_IN_USE, CollectorLogSamples.NOT_CONFIGURED,
                CollectorLogSamples.INVALID_KEYS.get(2), CollectorLogSamples.SOFT_LIMIT, CollectorLogSamples.RETRY_REFUSED}) {
            assertThat(LogRedactor.redact(line)).isEqualTo(line);
        }
    }

    @Test
    void everySampleSecretIsRemoved() {
        for (String line : new String[] {CollectorLogSamples.DROPPED_401, CollectorLogSamples.REJECTED_403}) {
            String redacted = LogRedactor.redact(line);
            CollectorLogSamples.SECRETS.forEach(secret -> assertThat(redacted).doesNotContain(secret));
        }
    }

    @Test
    void terminalControlSequencesAreRemoved() {
        assertThat(LogRedactor.redact("\u001b[31merror\u001b[0m\tgraph.go:454\u001b]0;owned\u0007 done\r"))
                .isEqualTo("error\tgraph.go:454 done");
    }
}
