package dev.otlpdoctor.probe.local.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.ProcFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A host for the service probe: a /proc and file-system fixture (ProcFixture) plus stand-ins for systemctl
 * and journalctl on a PATH of their own. The stand-ins print what the real tools print, from files the
 * test writes: {@code systemctl list-units --plain --no-legend} columns, {@code systemctl show} KEY=VALUE
 * blocks separated by blank lines, {@code journalctl -o json} one JSON object per line; every call's
 * arguments are appended to {@code calls.log}.
 */
final class ServiceHost {
    static final DateTimeFormatter SYSTEMD_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final ProcFixture proc;
    private final Path tools;
    private final List<String> listUnits = new ArrayList<>();

    ServiceHost() {
        proc = ProcFixture.inTempDir();
        tools = proc.root().resolve("stand-ins");
        proc.write("stand-ins/state/list-units", "");
        proc.write("stand-ins/state/list-unit-files", "");
    }

    HostFs fs() {
        return proc.fs();
    }

    /** The fixture's root, its socket tables written. */
    Path root() {
        proc.fs();
        return proc.root();
    }

    /** The environment the probe runs host programs with: only the stand-ins' directory on PATH. */
    Map<String, String> env() {
        return Map.of("PATH", tools.resolve("bin").toString());
    }

    void delete() throws IOException {
        proc.delete();
    }

    /** The machine runs systemd, with systemctl and journalctl. */
    ServiceHost systemd() {
        proc.write("run/systemd/system/.keep", "");
        script("systemctl", String.join("\n",
                "#!/bin/sh",
                "D='" + tools.resolve("state") + "'",
                "echo \"systemctl $*\" >> \"$D/calls.log\"",
                "case \"$1\" in",
                "  list-units) exec /bin/cat \"$D/list-units\" ;;",
                "  list-unit-files) exec /bin/cat \"$D/list-unit-files\" ;;",
                "  show) shift",
                "    while [ $# -gt 0 ]; do",
                "      case \"$1\" in",
                "        -p) shift 2 ;;",
                "        --) shift ;;",
                "        *) if [ -f \"$D/show/$1\" ]; then /bin/cat \"$D/show/$1\"; else",
                "             printf 'Id=%s\\nLoadState=not-found\\nActiveState=inactive\\nSubState=dead\\nResult=success\\n' \"$1\"; fi",
                "           shift; if [ $# -gt 0 ]; then echo; fi ;;",
                "      esac",
                "    done ;;",
                "  *) echo \"Unknown command verb $1.\" >&2; exit 1 ;;",
                "esac", ""));
        script("journalctl", String.join("\n",
                "#!/bin/sh",
                "D='" + tools.resolve("state") + "'",
                "echo \"journalctl $*\" >> \"$D/calls.log\"",
                "if [ -f \"$D/journal-denied\" ]; then",
                "  echo 'Hint: You are currently not seeing messages from other users and the system.' >&2",
                "  echo \"      Users in groups 'adm', 'systemd-journal' can see all messages.\" >&2",
                "  echo '      Pass -q to turn off this notice.' >&2",
                "  exit 0",
                "fi",
                "while [ $# -gt 0 ]; do [ \"$1\" = -u ] && U=\"$2\"; shift; done",
                "[ -f \"$D/journal/$U\" ] && exec /bin/cat \"$D/journal/$U\"",
                "exit 0", ""));
        return this;
    }

    /** A unit as list-units and show describe it; {@code show} holds its KEY=VALUE lines. */
    ServiceHost unit(String name, String active, String sub, String... show) {
        listUnits.add(name + " loaded " + active + " " + sub + " OpenTelemetry Collector");
        proc.write("stand-ins/state/list-units", String.join("\n", listUnits) + "\n");
        proc.write("stand-ins/state/show/" + name, "Id=" + name + "\nLoadState=loaded\nActiveState=" + active
                + "\nSubState=" + sub + "\n" + String.join("\n", show) + "\n");
        return this;
    }

    /** The unit's journal, one line a second from {@code first}, as journalctl -o json prints it. */
    ServiceHost journal(String unit, Instant first, List<String> messages) {
        StringBuilder out = new StringBuilder();
        long micros = first.getEpochSecond() * 1_000_000;
        int n = 0;
        for (String message : messages) {
            JsonObject e = new JsonObject();
            e.addProperty("__CURSOR", "s=6c2d;i=" + Integer.toHexString(4096 + n));
            e.addProperty("__REALTIME_TIMESTAMP", Long.toString(micros + n * 1_000_000L));
            e.addProperty("__MONOTONIC_TIMESTAMP", Long.toString(90_000_000L + n * 1_000_000L));
            e.addProperty("_BOOT_ID", "0b7e0c3a5f8a4a6d9a2f3c1e4b5d6a7f");
            boolean systemd = message.startsWith(unit + ":");
            e.addProperty("PRIORITY", systemd ? "5" : "3");
            e.addProperty("SYSLOG_IDENTIFIER", systemd ? "systemd" : unit.replace(".service", ""));
            e.addProperty(systemd ? "UNIT" : "_SYSTEMD_UNIT", unit);
            e.addProperty("_PID", systemd ? "1" : "4242");
            if (message.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                // journald stores messages with control characters as byte arrays
                JsonArray bytes = new JsonArray();
                for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
                    bytes.add(b & 0xff);
                }
                e.add("MESSAGE", bytes);
            } else {
                e.addProperty("MESSAGE", message);
            }
            out.append(e).append('\n');
            n++;
        }
        proc.write("stand-ins/state/journal/" + unit, out.toString());
        return this;
    }

    void journalDenied() {
        proc.write("stand-ins/state/journal-denied", "");
    }

    String calls() {
        try {
            return Files.readString(tools.resolve("state/calls.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** A Docker container's saved state (config.v2.json) and json-file log. */
    void dockerContainer(String id, String state, String argsJson, String image, int restarts, String mounts,
                         Instant firstLine, List<String> lines) {
        String base = "var/lib/docker/containers/" + id + "/";
        proc.write(base + "config.v2.json", "{\"ID\":\"" + id + "\",\"Path\":\"/otelcol-contrib\",\"Args\":" + argsJson
                + ",\"Config\":{\"Image\":\"" + image + "\"},\"State\":" + state + ",\"Name\":\"/otel-collector\","
                + "\"RestartCount\":" + restarts + ",\"MountPoints\":" + mounts + ",\"Driver\":\"overlay2\"}");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject e = new JsonObject();
            e.addProperty("log", lines.get(i) + "\n");
            e.addProperty("stream", "stderr");
            e.addProperty("time", firstLine.plusMillis(i * 250L).toString());
            log.append(e).append('\n');
        }
        proc.write(base + id + "-json.log", log.toString());
    }

    /** A kubelet's CRI log of one run of a pod's container, and the /var/log/containers link to the current one. */
    void criLog(String namespace, String pod, String uid, String container, String id, int run, Instant first,
                List<String> lines) {
        String dir = "var/log/pods/" + namespace + "_" + pod + "_" + uid + "/" + container + "/";
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String time = first.plusMillis(i * 250L).toString();
            String line = lines.get(i);
            if (line.length() > 60) {
                // a long line split by the runtime: parts tagged P, the last F
                log.append(time).append(" stderr P ").append(line, 0, 60).append('\n');
                line = line.substring(60);
            }
            log.append(time).append(" stderr F ").append(line).append('\n');
        }
        proc.write(dir + run + ".log", log.toString());
        try {
            Path links = root().resolve("var/log/containers");
            Files.createDirectories(links);
            Path link = links.resolve(pod + "_" + namespace + "_" + container + "-" + id + ".log");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of("/" + dir + run + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void script(String name, String content) {
        proc.write("stand-ins/bin/" + name, content);
        try {
            Files.setPosixFilePermissions(tools.resolve("bin/" + name), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
