package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ServiceCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns what was read about a collector service into findings and its {@link ServiceStatus}: the
 * service's state, then one finding per kind of recognised message, each with its redacted line.
 */
final class ServiceFindings {
    /** Which startup error names the cause best when several occur (a config error makes the others follow). */
    private static final List<MessageKind> STARTUP_ORDER = List.of(MessageKind.CONFIG_INVALID, MessageKind.ADDRESS_IN_USE,
            MessageKind.START_FAILED, MessageKind.OOM_KILLED);

    private ServiceFindings() {
    }

    /**
     * The findings of one service and its status. {@code anotherCollectorRuns}: a collector process runs on
     * this machine, so a service stopped on purpose (not crashed) is not why nothing answers.
     */
    static ServiceStatus report(ObservedService s, Instant now, boolean anotherCollectorRuns, FindingSink findings) {
        List<CollectorMessages.Recognised> recognised = new ArrayList<>(CollectorMessages.recognise(s.lines()));
        if (s.killedForMemory() != null && recognised.stream().noneMatch(r -> r.kind() == MessageKind.OOM_KILLED)) {
            recognised.add(new CollectorMessages.Recognised(MessageKind.OOM_KILLED,
                    new LogLine(s.since(), s.killedForMemory(), s.manager()), 1, Map.of()));
        }
        List<ServiceStatus.Message> messages = new ArrayList<>();
        List<Finding> messageFindings = new ArrayList<>();
        for (CollectorMessages.Recognised r : recognised) {
            ServiceStatus.Message m = new ServiceStatus.Message(r.kind(), LogRedactor.redact(r.line().text()),
                    r.line().time(), r.line().source(),
                    ConfigLocator.locate(s.configFiles(), r.kind(), r.details()).orElse(null));
            messages.add(m);
            messageFindings.add(messageFinding(s, r, m, now));
        }
        ServiceStatus.Message startupError = s.running() ? null : messages.stream()
                .filter(m -> STARTUP_ORDER.contains(m.kind()))
                .min(Comparator.comparingInt(m -> STARTUP_ORDER.indexOf(m.kind())))
                .orElse(null);
        findings.add(stateFinding(s, startupError, anotherCollectorRuns, now));
        messageFindings.forEach(findings::add);
        if (s.logUnreadable() != null) {
            findings.add(ServiceCodes.SERVICE_UNREADABLE.finding()
                    .evidence("what", "the log of " + s.name())
                    .evidence("reason", s.logUnreadable())
                    .detail("The " + s.manager() + " service " + s.name() + " was found, but its log was not read: "
                            + s.logUnreadable() + ". Read it by hand: " + s.commands().log())
                    .build());
        }
        return new ServiceStatus(s.manager(), s.name(), s.state(), !s.running(), s.restarts(), s.since(), s.configs(),
                startupError, messages);
    }

    private static Finding stateFinding(ObservedService s, ServiceStatus.Message error, boolean anotherCollectorRuns,
                                        Instant now) {
        Finding.Builder b;
        String when = ago(s.since(), now);
        if (!s.running()) {
            b = ServiceCodes.SERVICE_DOWN.finding();
        } else if (s.restarts() > 0) {
            b = ServiceCodes.SERVICE_RESTARTED.finding();
        } else {
            b = ServiceCodes.SERVICE_ACTIVE.finding();
        }
        b.evidence("manager", s.manager())
                .evidence("name", s.name())
                .evidence("state", s.state())
                .evidence("restarts", s.restarts())
                .evidence("since", s.since() == null ? "unknown" : s.since().toString())
                .evidence("configs", s.configs())
                .evidence("logLines", s.lines().size())
                .param("logCommand", s.commands().log())
                .param("startCommand", s.commands().start())
                .param("validateCommand", s.commands().validate());
        if (!s.running() && !s.crashed() && error == null) {
            // stopped on purpose or never started: the cause when nothing else runs, else a spare unit
            return b.severity(anotherCollectorRuns ? Severity.INFO : Severity.FAIL)
                    .evidence("summary", "is stopped, not crashed (" + s.manager() + ": " + s.state() + ")")
                    .detail(s.name() + " is stopped, not crashed (" + s.manager() + ": " + s.state() + ")"
                            + (anotherCollectorRuns ? "; a collector runs on this machine under another service."
                            : ": nothing starts the collector. Start it: " + s.commands().start()))
                    .build();
        }
        if (!s.running()) {
            // "Everything is ready" in its last run: it had started, so whatever ended it came later
            boolean hadStarted = s.lines().stream().anyMatch(CollectorMessages::isReady);
            String how = hadStarted ? "stopped after it had started"
                    : error != null && error.kind().startup() ? "exited at start" : "stopped";
            String summary = how + (when.isEmpty() ? "" : " " + when)
                    + " (" + s.manager() + ": " + s.state() + (s.restarts() > 0 ? ", " + s.restarts() + " restarts" : "") + ")";
            b.evidence("summary", summary);
            if (error != null) {
                b.evidence("error", error.line()).evidence("errorCode", error.kind().entry().code());
                if (error.location() != null) {
                    b.evidence("location", error.location());
                }
            }
            return b.detail("The collector " + summary + (error == null
                    ? ". Its log since the last start shows no error otlpdoctor recognises; read it: " + s.commands().log()
                    : ": " + error.line() + (error.location() == null ? "" : " — " + error.location()))).build();
        }
        return b.detail(s.name() + " runs (" + s.manager() + ": " + s.state() + ")" + (when.isEmpty() ? "" : ", started " + when)
                + (s.restarts() > 0 ? ", after " + s.restarts() + " restarts" : "") + "; " + s.lines().size()
                + " log lines of this run were read.").build();
    }

    private static Finding messageFinding(ObservedService s, CollectorMessages.Recognised r, ServiceStatus.Message m,
                                          Instant now) {
        Map<String, String> d = r.details();
        String config = s.configFiles().isEmpty() ? "<config.yaml>" : s.configFiles().get(0).shown();
        Finding.Builder b = r.kind().entry().finding()
                .evidence("line", m.line())
                .evidence("written", m.time() == null ? "unknown" : m.time() + " (" + ago(m.time(), now) + ")")
                .evidence("source", m.source())
                .evidence("occurrences", r.count())
                .param("message", shorten(messageOf(m.line())))
                .param("location", m.location() == null ? config : m.location())
                .param("config", config)
                .param("startCommand", s.commands().start())
                .param("validateCommand", s.commands().validate());
        d.forEach((k, v) -> b.evidence(k, LogRedactor.redact(v)));
        if (m.location() != null) {
            b.evidence("location", m.location());
        }
        if (r.kind() == MessageKind.ADDRESS_IN_USE) {
            String address = d.getOrDefault("address", "its port");
            b.param("address", address).param("port", address.substring(address.lastIndexOf(':') + 1));
        }
        if (r.kind() == MessageKind.EXPORT_FAILED) {
            b.param("cause", d.getOrDefault("cause", "see the log line"));
        }
        if (s.running() && r.kind().startup()) {
            // an earlier attempt of a service that runs now: history, not the cause of today's failure
            b.severity(Severity.INFO);
        } else if (s.running() && r.kind() == MessageKind.OOM_KILLED) {
            b.severity(Severity.WARN); // it was killed, and restarted: a warning while it runs
        }
        return b.detail(s.name() + " logged" + (r.count() > 1 ? " (" + r.count() + " times, the latest)" : "") + ": "
                + m.line() + (m.location() == null ? "" : " — " + m.location())).build();
    }

    /** The message part of a console-encoded zap line (time, level, caller, message, fields), else the whole line. */
    static String messageOf(String line) {
        String[] f = line.split("\t");
        String text = f.length >= 4 ? f[3] + (f.length > 4 ? " " + f[4] : "") : line;
        return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "just now";
        }
        long s = d.getSeconds();
        // rounded to the nearest unit: systemd's timestamps are whole seconds
        if (s < 90) {
            return s + " seconds ago";
        }
        if (s < 90 * 60) {
            return (s + 30) / 60 + " minutes ago";
        }
        if (s < 36 * 3600) {
            return (s + 1800) / 3600 + " hours ago";
        }
        return (s + 43200) / 86400 + " days ago";
    }
}
