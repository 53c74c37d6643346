package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.catalog.Catalog;
import dev.otlpdoctor.testing.CliDriver;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private final CliDriver cli = CliDriver.create();

    @Test
    void explainsEveryCatalogCode() {
        for (CatalogEntry entry : Catalog.all()) {
            var run = cli.run("explain", entry.code());
            assertThatRun(run).exitsWith(0).stdoutContains(entry.code(), entry.title(), "Cause", entry.cause());
        }
    }

    @Test
    void explainPrintsTheNumberedFix() {
        assertThatRun(cli.run("explain", "tcp.timeout")).exitsWith(0)
                .stdoutContains("Fix", "1. Check that {address} is really", "sudo ufw allow {port}/tcp");
    }

    @Test
    void unknownCodeExits2WithCloseMatches() {
        var run = cli.run("explain", "tcp.refuse");
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
        assertThat(run.err()).startsWith("otlpdoctor: unknown finding code 'tcp.refuse'. Did you mean: tcp.refused");
    }

    @Test
    void listAndJson() {
        assertThatRun(cli.run("explain", "--list")).exitsWith(0).stdoutContains("tcp.refused", "dns.unresolved");
        var json = cli.run("explain", "tcp.refused", "-o", "json");
        var doc = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(doc.get("code").getAsString()).isEqualTo("tcp.refused");
        assertThat(doc.get("severity").getAsString()).isEqualTo("fail");
        assertThat(doc.getAsJsonArray("remediation")).isNotEmpty();
        var list = JsonParser.parseString(cli.run("explain", "--list", "-o", "json").out()).getAsJsonArray();
        assertThat(list.size()).isEqualTo(Catalog.all().size());
    }
}
