package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The classic case end to end, on a real kernel: in a private network namespace whose loopback also holds
 * 10.200.0.1, a server listens on 127.0.0.1:4317 only; checking 10.200.0.1:4317 is refused, and the local
 * probes turn that into bind.localhost-only. Skips (with the reason) where namespaces are not allowed.
 */
class NamespaceScenarioTest {
    private static final String ADDRESS = "10.200.0.1";

    @Test
    void refusedThroughAnotherAddressWithALoopbackListenerIsLocalhostOnly() throws Exception {
        assumeTrue(namespacesAllowed(), "unshare -n (with bash and ip) is not available or not permitted here (needs root or user namespaces)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // exec -a names the JVM otelcol-contrib in argv[0], so the probes see a collector holding the port
        Process process = new ProcessBuilder("unshare", "-n", "bash", "-c",
                "ip link set lo up && ip addr add " + ADDRESS + "/32 dev lo && exec -a otelcol-contrib \"$0\" -cp \"$1\" "
                        + NamespaceScenario.class.getName() + " " + ADDRESS,
                java, System.getProperty("java.class.path"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scenario finished").isTrue();
        String json = new String(stdout, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; stdout:\n%s", json).isEqualTo(1);
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        JsonObject diagnosis = report.getAsJsonObject("diagnosis");
        assertThat(diagnosis.get("code").getAsString()).as(json).isEqualTo("bind.localhost-only");
        assertThat(diagnosis.get("summary").getAsString()).contains("127.0.0.1:4317");
        assertThat(diagnosis.getAsJsonArray("remediation").get(0).getAsString()).contains("endpoint: 0.0.0.0:4317");
        assertThat(json).contains("\"process.running\"").doesNotContain("\"bind.port-conflict\"");
    }

    private static boolean namespacesAllowed() {
        try {
            Process probe = new ProcessBuilder(List.of("unshare", "-n", "bash", "-c", "ip link set lo up")).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
