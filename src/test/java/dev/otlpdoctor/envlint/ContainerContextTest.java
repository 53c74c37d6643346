package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerContextTest {
    @TempDir
    Path root;

    @Test
    void plainHostIsKnownNotAContainer() {
        ContainerContext where = ContainerContext.ofThisMachine(root, Map.of());
        assertThat(where.known()).isTrue();
        assertThat(where.inContainer()).isFalse();
    }

    @Test
    void markersOfDockerKubernetesAndCgroups() throws IOException {
        assertThat(ContainerContext.ofThisMachine(root, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")).inContainer()).isTrue();
        Files.createDirectories(root.resolve("proc/1"));
        Files.writeString(root.resolve("proc/1/cgroup"), "12:memory:/kubepods/burstable/pod1234/abcdef\n");
        assertThat(ContainerContext.ofThisMachine(root, Map.of()).reason()).isEqualTo("/proc/1/cgroup names kubepods");
        Files.createFile(root.resolve(".dockerenv"));
        assertThat(ContainerContext.ofThisMachine(root, Map.of()).reason()).isEqualTo("/.dockerenv exists");
    }
}
