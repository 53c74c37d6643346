package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.probe.local.CollectorRelease;
import java.time.Instant;
import java.util.List;

/**
 * What was read about one collector service before it is judged: the manager's view and the log lines of
 * its last run.
 *
 * @param manager {@code systemd}, {@code docker} or {@code kubernetes}
 * @param name the unit, container or pod/container
 * @param state the manager's state in its own words
 * @param running whether it runs now
 * @param crashed whether it ended abnormally (an error status, a signal, a restart loop), not stopped on purpose
 * @param restarts how often the manager restarted it
 * @param since when it last stopped (not running) or started (running), or null
 * @param killedForMemory the manager's own word that memory killed it (Result=oom-kill, OOMKilled), or null
 * @param configs the --config values it starts with (inline secrets redacted)
 * @param configFiles those of them that are files, with where this machine shows them
 * @param lines its log lines since it last started
 * @param logUnreadable why its log could not be read, or null
 * @param commands how a person reads its log, starts it and validates its config here
 * @param release the collector release it runs, where known (a systemd unit's binary's build info, a Docker
 *     image's tag), or null: its config is linted with that release's rules, else the newest's
 */
record ObservedService(String manager, String name, String state, boolean running, boolean crashed, int restarts, Instant since,
                       String killedForMemory, List<String> configs, List<ConfigLocator.ConfigFile> configFiles,
                       List<LogLine> lines, String logUnreadable, Commands commands, CollectorRelease release) {

    /** The commands a remediation names, for this manager. */
    record Commands(String log, String start, String validate) {
    }
}
