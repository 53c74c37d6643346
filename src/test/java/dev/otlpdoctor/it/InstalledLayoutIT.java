package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed layout ({@code bin/otlpdoctor}, {@code lib/otlpdoctor.jar}) set up in a temporary directory
 * from the packaged jar, far from the source tree, and run the way users run it: through a symlink in
 * their own {@code ~/bin}, from another working directory. Also the source tree's launcher through a
 * symlink, and both launchers on machines that lack what they need.
 */
class InstalledLayoutIT {
    private static final Path INSTALLED_LAUNCHER = Path.of("src/dist/bin/otlpdoctor");

    @TempDir
    Path temp;

    @Test
    void anInstalledLayoutRunsThroughASymlinkFromAnotherDirectory() throws Exception {
        Path home = install(temp.resolve("opt/otlpdoctor"));
        Path link = symlink(temp.resolve("home/bin/otlpdoctor"), home.resolve("bin/otlpdoctor"));
        Path cache = temp.resolve("home/.cache");

        var run = JarRunner.run(List.of(link.toString(), "--version"), 120, Files.createDirectories(temp.resolve("work")),
                Map.of("XDG_CACHE_HOME", cache.toString()));

        assertThatRun(run).exitsWith(0).stderrIsEmpty();
        assertThat(run.out()).startsWith("otlpdoctor ");
        // The first run made a class-data sharing archive for this Java in the user's cache, not in the install.
        try (var made = Files.list(cache.resolve("otlpdoctor"))) {
            assertThat(made.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".jsa"));
        }
    }

    @Test
    void aRelativeSymlinkChainReachesTheInstall() throws Exception {
        Path home = install(temp.resolve("opt/otlpdoctor-0.1.0"));
        // ~/bin/otlpdoctor -> ../opt/current/bin/otlpdoctor, and opt/current -> otlpdoctor-0.1.0: how
        // version managers and Homebrew lay out their links.
        Files.createSymbolicLink(temp.resolve("opt/current"), Path.of(home.getFileName().toString()));
        Path link = Files.createDirectories(temp.resolve("bin")).resolve("otlpdoctor");
        Files.createSymbolicLink(link, Path.of("../opt/current/bin/otlpdoctor"));

        var run = JarRunner.run(List.of(link.toString(), "check", "127.0.0.1:" + Ports.closedPort(), "-o", "json"), 120,
                temp, Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString(), "OTLPDOCTOR_CDS", "off"));

        assertThat(assertThatRun(run).exitsWith(1).json().get("status").getAsString()).isEqualTo("fail");
    }

    @Test
    void anInstalledLayoutWithoutJavaSaysWhatToInstall() throws Exception {
        Path home = install(temp.resolve("opt/otlpdoctor"));
        // A PATH with the shell and the tools the launcher needs, but no java; no JAVA_HOME.
        Path bin = toolsWithoutJava(temp.resolve("path"));

        var run = runWithPath(List.of(home.resolve("bin/otlpdoctor").toString(), "--version"), bin, Map.of());

        assertThatRun(run).exitsWith(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("otlpdoctor: no Java found: install Java 17 or newer");
    }

    @Test
    void theSourceLauncherRunsThroughASymlink() throws Exception {
        Path link = symlink(temp.resolve("bin/otlpdoctor"), Path.of("otlpdoctor").toAbsolutePath());

        var run = JarRunner.run(List.of(link.toString(), "--version"), 120, temp);
        Files.delete(link);

        assertThatRun(run).exitsWith(0).stderrIsEmpty();
        assertThat(run.out()).startsWith("otlpdoctor ");
    }

    @Test
    void theSourceLauncherOnAJreOnlyMachineSaysWhatToInstall() throws Exception {
        // A source tree that needs a build (no target/otlpdoctor.jar yet) and a JAVA_HOME holding a java
        // but no javac, as a JRE does.
        Path tree = Files.createDirectories(temp.resolve("otlpdoctor-src"));
        Files.createDirectories(tree.resolve("src/main"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Files.copy(Path.of("otlpdoctor"), tree.resolve("otlpdoctor"));
        Path jre = Files.createDirectories(temp.resolve("jre/bin"));
        wrapper(jre.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));

        var run = runWithPath(List.of(tree.resolve("otlpdoctor").toString(), "--version"), toolsWithoutJava(temp.resolve("path")),
                Map.of("JAVA_HOME", jre.getParent().toString()));

        assertThatRun(run).exitsWith(3);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("otlpdoctor: building from source needs a JDK 17 or newer (javac not found in JAVA_HOME=")
                .contains("use a release archive or image");
        assertThat(tree.resolve("target")).doesNotExist();
    }

    /** bin/otlpdoctor and lib/otlpdoctor.jar under {@code home}, as the release archive lays them out. */
    private static Path install(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(INSTALLED_LAUNCHER, bin.resolve("otlpdoctor"));
        Files.setPosixFilePermissions(bin.resolve("otlpdoctor"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(Path.of(JarRunner.jar()), Files.createDirectories(home.resolve("lib")).resolve("otlpdoctor.jar"));
        return home;
    }

    private static Path symlink(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    /** A directory for PATH with bash and the few tools the launchers call, and no java or javac. */
    private static Path toolsWithoutJava(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String tool : List.of("bash", "dirname", "readlink", "find")) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream().filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError(tool + " is not installed"));
            wrapper(dir.resolve(tool), real);
        }
        return dir;
    }

    /** A script that runs {@code real} (rather than a symlink to it, which the temporary directory's clean-up warns of). */
    private static void wrapper(Path script, Path real) throws IOException {
        Files.writeString(script, "#!/bin/bash\nexec " + real + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The command with PATH set to {@code path} and JAVA_HOME empty (or as {@code env} sets it). */
    private CliDriver.Result runWithPath(List<String> command, Path path, Map<String, String> env) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PATH", path.toString(), "JAVA_HOME", ""));
        environment.putAll(env);
        return JarRunner.run(command, 60, temp, environment);
    }
}
