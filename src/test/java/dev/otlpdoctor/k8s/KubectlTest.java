package dev.otlpdoctor.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds of a kubectl call: the run's deadline, the output cap, and the error line. */
class KubectlTest {
    @TempDir
    Path bin;

    private Kubectl kubectl(String script) throws IOException {
        Path file = bin.resolve("kubectl");
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return Kubectl.find(Map.of("PATH", bin + ":/usr/bin:/bin")).orElseThrow();
    }

    @Test
    void notOnThePath() {
        assertThat(Kubectl.find(Map.of("PATH", bin.toString()))).isEmpty();
        assertThat(Kubectl.find(Map.of())).isEmpty();
    }

    @Test
    void aHangingKubectlIsCutAtTheDeadline() throws Exception {
        Kubectl.Result result = kubectl("exec sleep 60").run(List.of("get", "service", "x"),
                Deadline.after(Duration.ofMillis(500)));
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isEqualTo("kubectl get service x did not finish within the run's deadline");
    }

    @Test
    void outputBeyondTheCapIsRefused() throws Exception {
        Kubectl.Result result = kubectl("head -c " + (Kubectl.MAX_OUTPUT_BYTES + 10) + " /dev/zero")
                .run(List.of("get", "pods"), Deadline.after(Duration.ofSeconds(30)));
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isEqualTo("kubectl printed more than 16 MiB");
    }

    @Test
    void errorIsTheFirstLineThatIsNotAClientLogLine() throws Exception {
        Kubectl.Result result = kubectl("echo 'W1125 10:00:00.000001   1 loader.go:222] Config not found' >&2\n"
                + "echo 'error: You must be logged in to the server (Unauthorized)' >&2\nexit 1")
                .run(List.of("get", "service", "x"), Deadline.after(Duration.ofSeconds(30)));
        assertThat(result.error()).isEqualTo("error: You must be logged in to the server (Unauthorized)");
    }

    @Test
    void runsWithTheGivenEnvironment() throws Exception {
        Path file = bin.resolve("kubectl");
        Files.writeString(file, "#!/bin/sh\necho \"{\\\"ctx\\\": \\\"$KUBECONFIG\\\"}\"\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        Kubectl kubectl = Kubectl.find(Map.of("PATH", bin + ":/usr/bin:/bin", "KUBECONFIG", "/tmp/kc")).orElseThrow();
        assertThat(kubectl.run(List.of("version"), Deadline.after(Duration.ofSeconds(30))).output().trim())
                .isEqualTo("{\"ctx\": \"/tmp/kc\"}");
    }
}
