package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.HostCommand;
import dev.otlpdoctor.probe.local.CollectorMatcher;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.ProcessInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The collector's systemd units, read with the portable, read-only forms of systemctl (no JSON output,
 * which only some verbs of newer systemd have):
 * <pre>
 * systemctl list-units --all --type=service --plain --no-legend --no-pager     UNIT LOAD ACTIVE SUB DESCRIPTION
 * systemctl list-unit-files --type=service --plain --no-legend --no-pager      UNIT-FILE STATE [PRESET]
 * systemctl show -p Id,ActiveState,… UNIT…                                     KEY=VALUE blocks, blank-line separated
 * </pre>
 * A unit is the collector's when its name (without {@code .service}) is a collector program name, or its
 * {@code ExecStart} runs one ({@link CollectorMatcher} decides both), or a running collector's cgroup names it.
 */
final class Systemctl {
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    /** More units than any host has; the show call lists them all as arguments. */
    private static final int MAX_UNITS = 4000;
    private static final String PROPERTIES = "Id,LoadState,ActiveState,SubState,Result,ExecMainCode,ExecMainStatus,"
            + "NRestarts,ExecStart,EnvironmentFiles,ActiveEnterTimestamp,InactiveEnterTimestamp,ExecMainStartTimestamp";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final HostCommand systemctl;
    private final HostFs fs;

    Systemctl(HostCommand systemctl, HostFs fs) {
        this.systemctl = systemctl;
        this.fs = fs;
    }

    /** What the listing gave: the collector's units, or why it could not be read. */
    record Units(List<SystemdUnit> units, String unreadable) {
    }

    /** The collector's units; {@code alsoUnits} are units a running collector's cgroup names. */
    Units collectorUnits(Set<String> alsoUnits, Deadline deadline) throws InterruptedException {
        Set<String> names = new LinkedHashSet<>(alsoUnits);
        HostCommand.Result loaded = systemctl.run(List.of("list-units", "--all", "--type=service", "--plain",
                "--no-legend", "--no-pager"), deadline);
        if (!loaded.ok()) {
            return new Units(List.of(), "systemctl list-units: " + loaded.error() + stderr(loaded));
        }
        names.addAll(firstColumn(loaded.output()));
        HostCommand.Result files = systemctl.run(List.of("list-unit-files", "--type=service", "--plain", "--no-legend",
                "--no-pager"), deadline);
        if (files.ok()) {
            names.addAll(firstColumn(files.output()));
        }
        // Templates (foo@.service) have no state of their own; their instances are listed by list-units.
        List<String> services = names.stream().filter(n -> n.endsWith(".service") && !n.contains("@."))
                .limit(MAX_UNITS).toList();
        if (services.isEmpty()) {
            return new Units(List.of(), null);
        }
        List<String> args = new ArrayList<>(List.of("show", "-p", PROPERTIES, "--"));
        args.addAll(services);
        HostCommand.Result shown = systemctl.run(args, deadline);
        if (!shown.ok()) {
            return new Units(List.of(), "systemctl show: " + shown.error() + stderr(shown));
        }
        List<SystemdUnit> out = new ArrayList<>();
        for (Map<String, String> block : blocks(shown.output())) {
            SystemdUnit unit = unit(block);
            if (unit != null && !"not-found".equals(block.get("LoadState"))
                    && (alsoUnits.contains(unit.name()) || isCollector(unit))) {
                out.add(unit);
            }
        }
        return new Units(out, null);
    }

    private static String stderr(HostCommand.Result result) {
        String line = result.stderr().strip().split("\n", 2)[0];
        return line.isEmpty() ? "" : " (" + LogRedactor.redact(line) + ")";
    }

    static boolean isCollector(SystemdUnit unit) {
        String stem = unit.name().substring(0, unit.name().length() - ".service".length());
        if (matches(List.of(stem)) && !stem.equals("alloy") && !stem.equals("elastic-agent")) {
            return true;
        }
        List<String> argv = unit.expandedExecStart();
        return !argv.isEmpty() && matches(argv);
    }

    private static boolean matches(List<String> argv) {
        String first = argv.get(0);
        String name = first.substring(first.lastIndexOf('/') + 1);
        return CollectorMatcher.distribution(new ProcessInfo(0, name, argv, 0, Set.of(), false)).isPresent();
    }

    /** The first word of each line: the unit name ({@code ●} marks failed units when --plain is not honoured). */
    static List<String> firstColumn(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.replace("●", " ").trim().split("\\s+");
            if (!f[0].isEmpty()) {
                out.add(f[0]);
            }
        }
        return out;
    }

    /** {@code systemctl show} of several units: KEY=VALUE lines, one block per unit, blocks separated by a blank line. */
    static List<Map<String, String>> blocks(String output) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    out.add(block);
                    block = new LinkedHashMap<>();
                }
            } else if (eq > 0) {
                block.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!block.isEmpty()) {
            out.add(block);
        }
        return out;
    }

    private SystemdUnit unit(Map<String, String> p) {
        String id = p.get("Id");
        if (id == null) {
            return null;
        }
        return new SystemdUnit(id, p.getOrDefault("ActiveState", ""), p.getOrDefault("SubState", ""),
                p.getOrDefault("Result", ""), integer(p.get("ExecMainCode")), integer(p.get("ExecMainStatus")),
                integer(p.get("NRestarts")), execArgv(p.getOrDefault("ExecStart", "")),
                environment(p.getOrDefault("EnvironmentFiles", "")), timestamp(p.get("ActiveEnterTimestamp")),
                timestamp(p.get("InactiveEnterTimestamp")), timestamp(p.get("ExecMainStartTimestamp")));
    }

    private static int integer(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code { path=/usr/bin/otelcol-contrib ; argv[]=/usr/bin/otelcol-contrib $OTELCOL_OPTIONS ; ignore_errors=no ; … }} */
    static List<String> execArgv(String execStart) {
        int start = execStart.indexOf("argv[]=");
        if (start < 0) {
            return List.of();
        }
        int end = execStart.indexOf(" ; ", start);
        String argv = execStart.substring(start + "argv[]=".length(), end < 0 ? execStart.length() : end).trim();
        return argv.isEmpty() ? List.of() : List.of(argv.split("\\s+"));
    }

    /**
     * The variables of the unit's environment files ({@code EnvironmentFiles=/etc/otelcol-contrib/otelcol-contrib.conf
     * (ignore_errors=no)}), read only to expand ExecStart, where packages put {@code --config}.
     */
    private Map<String, String> environment(String files) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : files.split("\n")) {
            String path = entry.replaceAll("\\s*\\(ignore_errors=\\w+\\)\\s*$", "").trim();
            if (!path.startsWith("/")) {
                continue;
            }
            try {
                for (String line : HostFs.read(fs.file(path), HostFs.SMALL_FILE_CAP).split("\n")) {
                    String trimmed = line.trim();
                    int eq = trimmed.indexOf('=');
                    if (trimmed.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    String value = trimmed.substring(eq + 1).trim();
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    env.put(trimmed.substring(0, eq).trim(), value);
                }
            } catch (IOException e) {
                // unreadable (root-only): ExecStart stays unexpanded, the config is then not known
            }
        }
        return env;
    }

    /** systemd prints timestamps as {@code Tue 2026-12-01 22:58:01 UTC}; empty or {@code n/a} when never. */
    static Instant timestamp(String value) {
        if (value == null || value.isBlank() || value.equals("n/a")) {
            return null;
        }
        String[] f = value.trim().split("\\s+");
        if (f.length < 3) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(f[0] + " " + f[1] + " " + f[2], SHOWN);
            ZoneId zone = ZoneId.systemDefault();
            if (f.length > 3) {
                try {
                    zone = ZoneId.of(f[3], ZoneId.SHORT_IDS);
                } catch (RuntimeException e) {
                    // an abbreviation Java does not know (CEST…): the machine's own zone, which systemd printed it in
                }
            }
            return ZonedDateTime.of(local, zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
