package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that never touch the network do not pay for the network stacks: the packaged jar, run with
 * {@code -verbose:class}, loads no Netty/gRPC, OkHttp/Kotlin, protobuf or TLS classes for them.
 */
class StartupClassesIT {
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) ");
    private static final List<String> HEAVY = List.of("io.grpc.", "io.netty.", "okhttp3.", "okio.", "kotlin.",
            "com.google.protobuf.", "io.opentelemetry.proto.", "javax.net.ssl.", "sun.security.ssl.");

    @TempDir
    Path dir;

    @Test
    void versionHelpExplainAndLintLoadNoNetworkStack() throws Exception {
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, "receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\n"
                + "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n");
        for (List<String> args : List.of(List.of("--version"), List.of("--help"), List.of("check", "--help"),
                List.of("explain", "tcp.refused"), List.of("lint", config.toString()))) {
            List<String> loaded = loadedClasses(args);
            assertThat(loaded).as("classes loaded by %s", args).contains("dev.otlpdoctor.cli.Main");
            assertThat(loaded).as("network classes loaded by %s", args)
                    .filteredOn(c -> HEAVY.stream().anyMatch(c::startsWith)).isEmpty();
        }
    }

    @Test
    void versionBuildsNoSubcommandModels() throws Exception {
        // Building check's model would load its mixins and converters; --version needs none of them.
        assertThat(loadedClasses(List.of("--version"))).contains("dev.otlpdoctor.Version")
                .doesNotContain("dev.otlpdoctor.cli.ConnectionOptions", "dev.otlpdoctor.cli.OutputOptions",
                        "dev.otlpdoctor.cli.DurationConverter");
    }

    private static List<String> loadedClasses(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-verbose:class");
        command.add("-jar");
        command.add(JarRunner.jar());
        command.addAll(args);
        CliDriver.Result run = JarRunner.run(command, 60);
        assertThatRun(run).exitsWith(0);
        List<String> loaded = new ArrayList<>();
        Matcher matcher = LOADED.matcher(run.out());
        while (matcher.find()) {
            loaded.add(matcher.group(1));
        }
        return loaded;
    }
}
