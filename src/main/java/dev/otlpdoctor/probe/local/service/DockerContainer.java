package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.JsonFields.bool;
import static dev.otlpdoctor.probe.JsonFields.integer;
import static dev.otlpdoctor.probe.JsonFields.object;
import static dev.otlpdoctor.probe.JsonFields.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.otlpdoctor.probe.local.CollectorMatcher;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.ProcessInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Docker container as the daemon keeps it on disk: {@code /var/lib/docker/containers/ID/config.v2.json}
 * (its state, restart count and command) beside {@code ID-json.log} (its output, json-file driver). Read
 * directly, without the docker CLI or socket, so a stopped collector container is found too; the
 * directory is readable by root only.
 *
 * @param id the full container id
 * @param name the container's name without the leading slash
 * @param image the image it runs
 * @param argv the process's command line (Path then Args)
 * @param running whether it runs now
 * @param exitCode the last exit code (137 = SIGKILL)
 * @param oomKilled whether the kernel's OOM killer ended it
 * @param restarts how often the daemon restarted it ({@code --restart})
 * @param startedAt when it last started, or null
 * @param finishedAt when it last stopped, or null
 * @param mounts container path → host path of each bind mount, to read its config from the host
 */
record DockerContainer(String id, String name, String image, List<String> argv, boolean running, int exitCode,
                       boolean oomKilled, int restarts, Instant startedAt, Instant finishedAt, Map<String, String> mounts) {
    static final String CONTAINERS = "/var/lib/docker/containers";
    private static final int MAX_CONTAINERS = 2000;
    private static final int CONFIG_CAP = 1024 * 1024;

    /** The json-file log of this container. */
    String logFile() {
        return CONTAINERS + "/" + id + "/" + id + "-json.log";
    }

    /** Whether the container runs a collector, by its command (as processes are recognised) or image name. */
    boolean isCollector() {
        if (!argv.isEmpty()) {
            String first = argv.get(0);
            String program = first.substring(first.lastIndexOf('/') + 1);
            if (CollectorMatcher.distribution(new ProcessInfo(0, program, argv, 0, Set.of(), false)).isPresent()) {
                return true;
            }
        }
        String img = image.toLowerCase(Locale.ROOT);
        return img.contains("opentelemetry-collector") || img.contains("otelcol") || img.contains("aws-otel-collector");
    }

    /** Where a path inside the container is on the host: through a bind mount, or null. */
    String hostPath(String containerPath) {
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            if (containerPath.equals(m.getKey())) {
                return m.getValue();
            }
            if (containerPath.startsWith(m.getKey() + "/")) {
                return m.getValue() + containerPath.substring(m.getKey().length());
            }
        }
        return null;
    }

    /** Every container that runs a collector; null when the directory exists but may not be read (root only). */
    static List<DockerContainer> collectors(HostFs fs) {
        Path dir = fs.file(CONTAINERS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<DockerContainer> out = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (++seen > MAX_CONTAINERS) {
                    break;
                }
                read(fs, entry.getFileName().toString()).filter(DockerContainer::isCollector).ifPresent(out::add);
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    /** The container {@code id} from its config.v2.json. */
    static Optional<DockerContainer> read(HostFs fs, String id) {
        try {
            String text = HostFs.read(fs.file(CONTAINERS + "/" + id + "/config.v2.json"), CONFIG_CAP);
            return Optional.of(parse(id, JsonParser.parseString(text).getAsJsonObject()));
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static DockerContainer parse(String id, JsonObject c) {
        JsonObject state = object(c, "State");
        JsonObject config = object(c, "Config");
        List<String> argv = new ArrayList<>();
        string(c, "Path").ifPresent(argv::add);
        if (c.get("Args") instanceof JsonArray args) {
            args.forEach(a -> argv.add(a.getAsString()));
        }
        Map<String, String> mounts = new LinkedHashMap<>();
        JsonObject points = object(c, "MountPoints");
        for (Map.Entry<String, JsonElement> m : points.entrySet()) {
            if (m.getValue() instanceof JsonObject mount) {
                string(mount, "Source").filter(s -> !s.isEmpty()).ifPresent(s -> mounts.put(m.getKey(), s));
            }
        }
        return new DockerContainer(id, string(c, "Name").orElse(id.substring(0, 12)).replaceFirst("^/", ""),
                string(config, "Image").orElse(""), argv, bool(state, "Running").orElse(false) || bool(state, "Restarting").orElse(false),
                integer(state, "ExitCode"), bool(state, "OOMKilled").orElse(false), integer(c, "RestartCount"),
                instant(string(state, "StartedAt").orElse(null)), instant(string(state, "FinishedAt").orElse(null)), mounts);
    }

    /** Docker writes {@code 0001-01-01T00:00:00Z} for "never". */
    private static Instant instant(String value) {
        try {
            Instant t = value == null ? null : Instant.parse(value);
            return t == null || t.getEpochSecond() <= 0 ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
