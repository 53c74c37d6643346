package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parts of listen depend on each other in one direction only (tally ← server ← http, tally/server ←
 * view, everything ← the run), use Netty through its own declared artifacts, and never print or exit
 * by themselves. Read from the sources, so a violation names the file.
 */
class ListenStructureTest {
    private static final Path ROOT = Path.of("src/main/java/dev/otlpdoctor/listen");
    /** For each part, the other parts of listen it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "tally", Set.of(),
            "server", Set.of("tally"),
            "http", Set.of("server", "tally"),
            "view", Set.of("server", "tally"),
            "", Set.of("server", "tally", "http", "view"));
    private static final Pattern LISTEN_IMPORT = Pattern.compile("^import dev\\.otlpdoctor\\.listen\\.?(\\w*)\\.\\w+;", Pattern.MULTILINE);

    @Test
    void partsDependOnEachOtherInOneDirectionOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String part = part(file);
            assertThat(ALLOWED).as("a part of listen the layering knows: %s", file).containsKey(part);
            Matcher m = LISTEN_IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = Character.isUpperCase(m.group(0).charAt("import dev.otlpdoctor.listen.".length()))
                        ? "" : m.group(1);
                if (!imported.equals(part) && !ALLOWED.get(part).contains(imported)) {
                    violations.add(file + " imports " + m.group(0));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void listenUsesNoRelocatedNettyPrintsNothingAndDecidesNoExitCode() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            for (String forbidden : List.of("io.grpc.netty.shaded", "System.out", "System.err", "System.exit",
                    "ExitCode", "java.util.logging")) {
                if (text.contains(forbidden)) {
                    violations.add(file + " uses " + forbidden);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(all).hasSizeGreaterThan(30);
            return all;
        }
    }

    private static String part(Path file) {
        Path dir = ROOT.relativize(file).getParent();
        return dir == null ? "" : dir.toString();
    }
}
