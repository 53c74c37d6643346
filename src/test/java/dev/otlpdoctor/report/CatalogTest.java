package dev.otlpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.catalog.Catalog;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void codesAreDottedKebabCaseAndFullyDocumented() {
        assertThat(Catalog.all()).isNotEmpty();
        for (CatalogEntry entry : Catalog.all()) {
            assertThat(entry.code()).as(entry.code()).matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
            assertThat(entry.title()).as(entry.code() + " title").isNotBlank();
            assertThat(entry.cause()).as(entry.code() + " cause").isNotBlank();
            assertThat(entry.evidence()).as(entry.code() + " evidence").isNotBlank();
            if (entry.severity().atLeast(Severity.WARN)) {
                assertThat(entry.remediation()).as(entry.code() + " has a fix").isNotEmpty();
            }
        }
    }

    @Test
    void specRequiredNetworkCodesExist() {
        for (String code : new String[] {"dns.unresolved", "tcp.refused", "tcp.timeout", "tcp.unreachable"}) {
            assertThat(Catalog.find(code)).as(code).isPresent();
        }
    }

    @Test
    void closeMatchesSuggestTypos() {
        assertThat(Catalog.closeMatches("tcp.refuse")).startsWith("tcp.refused");
        assertThat(Catalog.closeMatches("tcp")).contains("tcp.open", "tcp.refused", "tcp.timeout");
    }

    @Test
    void placeholdersAreFilledFromEvidenceAndParams() {
        Finding f = dev.otlpdoctor.report.catalog.NetworkCodes.TCP_REFUSED.finding()
                .evidence("address", "127.0.0.1").evidence("port", 4317).build();
        assertThat(f.title()).isEqualTo("connection refused at 127.0.0.1 port 4317: nothing listens there");
        assertThat(String.join("\n", f.remediation())).contains("ss -tlnp | grep ':4317'").doesNotContain("{port}");
    }
}
