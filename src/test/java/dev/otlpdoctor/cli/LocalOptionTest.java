package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;

import dev.otlpdoctor.testing.CliDriver;
import org.junit.jupiter.api.Test;

class LocalOptionTest {
    @Test
    void checkDocumentsLocal() {
        assertThatRun(CliDriver.create().run("check", "--help")).exitsWith(0)
                .stdoutContains("--[no-]local", "listening sockets", "--no-local: never");
    }

    @Test
    void explainPrintsTheLocalhostOnlyFix() {
        assertThatRun(CliDriver.create().run("explain", "bind.localhost-only")).exitsWith(0)
                .stdoutContains("endpoint: 0.0.0.0:4317", "${env:MY_POD_IP}:4317", "v0.104.0");
    }
}
