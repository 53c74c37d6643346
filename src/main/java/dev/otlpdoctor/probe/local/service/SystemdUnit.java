package dev.otlpdoctor.probe.local.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A systemd service as {@code systemctl show} describes it (systemd.exec(5), org.freedesktop.systemd1(5)).
 *
 * @param name the unit, e.g. {@code otelcol-contrib.service}
 * @param activeState {@code active}, {@code activating}, {@code failed}, {@code inactive}…
 * @param subState {@code running}, {@code auto-restart}, {@code failed}, {@code dead}…
 * @param result why it last stopped: {@code success}, {@code exit-code}, {@code signal}, {@code oom-kill}, {@code start-limit-hit}…
 * @param execMainCode how the main process ended (1 exited, 2 killed, 3 dumped), 0 while running
 * @param execMainStatus its exit status or signal number
 * @param restarts how often systemd restarted it ({@code NRestarts})
 * @param execStart the main command line (unexpanded {@code $VARIABLES} as written in the unit)
 * @param environment variables from the unit's {@code EnvironmentFiles=} (only to expand {@code execStart})
 * @param activeSince when it last became active, or null
 * @param inactiveSince when it last stopped, or null
 * @param startedAt when the main process last started, or null
 */
record SystemdUnit(String name, String activeState, String subState, String result, int execMainCode,
                   int execMainStatus, int restarts, List<String> execStart, Map<String, String> environment,
                   Instant activeSince, Instant inactiveSince, Instant startedAt) {

    boolean running() {
        return activeState.equals("active") || activeState.equals("reloading");
    }

    /** Ended abnormally, or coming up again after that: what "the collector exited" looks like to systemd. */
    boolean crashed() {
        return activeState.equals("failed") || subState.equals("auto-restart") || !result.equals("success")
                || (activeState.equals("activating") && restarts > 0);
    }

    /** {@code ExecMainCode} 2 (CLD_KILLED) or 3 (CLD_DUMPED) with status 9: SIGKILL, the OOM killer's signal. */
    boolean killedBySigkill() {
        return (execMainCode == 2 || execMainCode == 3) && execMainStatus == 9;
    }

    /** The command line with {@code $VAR} and {@code ${VAR}} replaced from the environment files, split at spaces as systemd does. */
    List<String> expandedExecStart() {
        List<String> out = new ArrayList<>();
        for (String word : execStart) {
            if (word.matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?")) {
                // "$VAR" alone is split into words; "${VAR}" stays one word (systemd.service(5), "Command lines")
                String var = word.replaceAll("[${}]", "");
                String value = environment.getOrDefault(var, "");
                if (word.startsWith("${")) {
                    out.add(value);
                } else {
                    for (String part : value.trim().split("\\s+")) {
                        if (!part.isEmpty()) {
                            out.add(part);
                        }
                    }
                }
            } else {
                out.add(word);
            }
        }
        return out;
    }
}
