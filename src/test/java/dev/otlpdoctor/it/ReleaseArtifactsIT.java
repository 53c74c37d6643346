package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifacts of {@code ./mvnw -Prelease verify} (target/release), checked as a user and a registry would
 * see them: the checksums match, the SBOM lists what the jar ships, the platform archive unpacks into a
 * layout that runs through a symlink on its own runtime, and the image tarball's config and files (non-root
 * user, java as entrypoint, no shell) are right, and it runs: its files as the root of a private mount
 * namespace, as its user. Skipped in the ordinary build, which makes no release artifacts.
 */
class ReleaseArtifactsIT {
    private static Path release;
    private static String version;

    @TempDir
    Path temp;

    @BeforeAll
    static void releaseBuild() {
        String dir = System.getProperty("otlpdoctor.release.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "no release artifacts: run ./mvnw -Prelease verify");
        release = Path.of(dir);
        version = System.getProperty("otlpdoctor.release.version");
    }

    @Test
    void everyArtifactHasAMatchingSha256() throws Exception {
        List<Path> artifacts = artifacts();
        assertThat(artifacts.stream().map(p -> p.getFileName().toString())).contains("otlpdoctor-" + version + ".jar",
                "otlpdoctor-" + version + ".cdx.json").anyMatch(n -> n.endsWith(".tar.gz")).anyMatch(n -> n.endsWith(".zip"));
        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(artifacts.stream().map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("-image-amd64.tar") || n.endsWith("-image-arm64.tar"));
        }
        for (Path artifact : artifacts) {
            String line = Files.readString(Path.of(artifact + ".sha256"), StandardCharsets.US_ASCII).strip();
            assertThat(line).isEqualTo(sha256(artifact) + "  " + artifact.getFileName());
        }
    }

    @Test
    void theSbomListsWhatTheJarShips() throws IOException {
        JsonObject bom = JsonParser.parseString(Files.readString(release.resolve("otlpdoctor-" + version + ".cdx.json")))
                .getAsJsonObject();
        assertThat(bom.get("bomFormat").getAsString()).isEqualTo("CycloneDX");
        assertThat(bom.getAsJsonObject("metadata").getAsJsonObject("component").get("name").getAsString()).isEqualTo("otlpdoctor");
        List<String> components = new ArrayList<>();
        for (JsonElement component : bom.getAsJsonArray("components")) {
            components.add(component.getAsJsonObject().get("name").getAsString());
        }
        assertThat(components).contains("picocli", "grpc-netty", "netty-codec-http", "okhttp-jvm", "snakeyaml-engine", "protobuf-java")
                .doesNotContain("junit-jupiter", "assertj-core", "json-schema-validator");
    }

    @Test
    void thePlatformArchiveRunsOnItsOwnRuntimeThroughASymlink() throws Exception {
        Path archive = only("*.tar.gz");
        Path unpacked = Files.createDirectories(temp.resolve("opt"));
        assertThatRun(JarRunner.run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), 120)).exitsWith(0);
        Path home = unpacked.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        assertThat(home.resolve("bin/otlpdoctor")).isExecutable();
        assertThat(home.resolve("lib/otlpdoctor.jar")).isRegularFile();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        // Every file carries project.build.outputTimestamp, so the same sources give the same archive.
        assertThat(Files.getLastModifiedTime(home.resolve("lib/otlpdoctor.jar")).toInstant())
                .isEqualTo(Files.getLastModifiedTime(release.resolve("otlpdoctor-" + version + "-" + platformOf(archive) + "/lib/otlpdoctor.jar")).toInstant());
        Path link = Files.createDirectories(temp.resolve("home/bin")).resolve("otlpdoctor");
        Files.createSymbolicLink(link, home.resolve("bin/otlpdoctor"));
        // No Java on PATH and no JAVA_HOME: the archive brings its own.
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", "", "XDG_CACHE_HOME", temp.resolve("cache").toString());

        var run = JarRunner.run(List.of(link.toString(), "--version"), 120, temp, env);
        assertThatRun(run).exitsWith(0).stderrIsEmpty();
        assertThat(run.out()).startsWith("otlpdoctor " + version);
        assertThat(run.out()).contains("Java " + runtimeVersion(home));

        var check = JarRunner.run(List.of(link.toString(), "check", "127.0.0.1:" + Ports.closedPort(), "--no-local", "-o", "json"),
                120, temp, env);
        assertThat(assertThatRun(check).exitsWith(1).json().get("status").getAsString()).isEqualTo("fail");
    }

    @Test
    void theImageRunsJavaAsANonRootUserWithoutAShell() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the image is built on Linux only");
        Path image = unpack(only("*-image-*.tar"), temp.resolve("image"));
        JsonObject manifest = JsonParser.parseString(Files.readString(image.resolve("manifest.json"))).getAsJsonArray().get(0)
                .getAsJsonObject();
        JsonObject config = JsonParser.parseString(Files.readString(image.resolve(manifest.get("Config").getAsString())))
                .getAsJsonObject();
        assertThat(config.get("os").getAsString()).isEqualTo("linux");
        JsonObject container = config.getAsJsonObject("config");
        assertThat(container.get("User").getAsString()).isEqualTo("65532:65532");
        List<String> entrypoint = strings(container.getAsJsonArray("Entrypoint"));
        assertThat(entrypoint).containsExactly("/opt/otlpdoctor/runtime/bin/java", "@/opt/otlpdoctor/lib/container.args",
                "-jar", "/opt/otlpdoctor/lib/otlpdoctor.jar");
        assertThat(strings(container.getAsJsonArray("Cmd"))).containsExactly("--help");

        Path root = Files.createDirectories(temp.resolve("root"));
        for (JsonElement layer : manifest.getAsJsonArray("Layers")) {
            assertThatRun(JarRunner.run(List.of("tar", "-xzf", image.resolve(layer.getAsString()).toString(), "-C",
                    root.toString()), 120)).exitsWith(0);
        }
        assertThat(root.resolve("opt/otlpdoctor/runtime/bin/java")).isExecutable();
        assertThat(root.resolve("opt/otlpdoctor/lib/otlpdoctor.jar")).isRegularFile();
        // Nothing but the runtime, the jar and the C libraries: no shell, no package manager, no Jib /app.
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.map(p -> "/" + root.relativize(p)))
                    .noneMatch(p -> p.matches("/(usr/)?s?bin/.*") || p.matches(".*/(sh|bash|dash|busybox|apt|dpkg)$"))
                    .noneMatch(p -> p.startsWith("/app"));
        }
        String args = Files.readString(root.resolve("opt/otlpdoctor/lib/container.args"));
        assertThat(args).contains("-XX:+UseSerialGC", "-XX:-UsePerfData");

        runAsTheImage(root, entrypoint);
    }

    /**
     * The entrypoint with the image's files as the root, as its user, in private mount and PID namespaces
     * with /proc mounted as a container runtime does: proves the C libraries in the image are all the runtime
     * needs. Needs root and unshare; skipped without them.
     */
    private void runAsTheImage(Path root, List<String> entrypoint) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "running the image's files needs root (chroot)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/sbin/chroot")),
                "unshare and chroot are needed to run the image's files");
        Files.createDirectories(root.resolve("proc"));
        String command = "mount -t proc proc '" + root.resolve("proc") + "' && exec chroot --userspec=65532:65532 '" + root
                + "' " + String.join(" ", entrypoint) + " ";
        CliDriver.Result versionRun = JarRunner.run(List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c",
                command + "--version"), 120);
        assertThatRun(versionRun).exitsWith(0).stderrIsEmpty();
        assertThat(versionRun.out()).startsWith("otlpdoctor " + version);
        CliDriver.Result check = JarRunner.run(List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c",
                command + "check 127.0.0.1:" + Ports.closedPort() + " --no-local -o json"), 120);
        assertThat(assertThatRun(check).exitsWith(1).json().get("status").getAsString()).isEqualTo("fail");
    }

    private static List<Path> artifacts() throws IOException {
        try (Stream<Path> files = Files.list(release)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".sha256")).sorted().toList();
        }
    }

    private static Path only(String glob) throws IOException {
        try (var files = Files.newDirectoryStream(release, glob)) {
            List<Path> found = new ArrayList<>();
            files.forEach(found::add);
            assertThat(found).as("release artifacts matching %s", glob).hasSize(1);
            return found.get(0);
        }
    }

    private static Path unpack(Path tar, Path into) throws Exception {
        Files.createDirectories(into);
        assertThatRun(JarRunner.run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()), 120)).exitsWith(0);
        return into;
    }

    /** {@code linux-x86_64} of {@code otlpdoctor-VERSION-linux-x86_64.tar.gz}. */
    private static String platformOf(Path archive) {
        String name = archive.getFileName().toString();
        return name.substring(("otlpdoctor-" + version + "-").length(), name.length() - ".tar.gz".length());
    }

    /** JAVA_VERSION from the runtime's release file, e.g. 25.0.3: what --version names. */
    private static String runtimeVersion(Path home) throws IOException {
        for (String line : Files.readAllLines(home.resolve("runtime/release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        throw new AssertionError("no JAVA_VERSION in runtime/release");
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
