package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.report.Finding;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The collector release a process or service runs, and where that was read (its binary's Go build info,
 * its image's tag). A config is linted with that release's rules: a key a newer release removed is still
 * valid for an older collector.
 *
 * @param version the release
 * @param from where it was read, e.g. {@code build info of the running binary}
 */
public record CollectorRelease(CollectorVersion version, String from) {

    /** The release the Go binary at {@code exe} was built from, if its build info names the collector. */
    public static Optional<CollectorRelease> ofBinary(Path exe, String shownAs) {
        return GoBuildInfo.collectorRelease(exe).map(v -> new CollectorRelease(v, "build info of " + shownAs));
    }

    /** The rules to lint with: those of {@code release}, or the newest release's when it is not known (null). */
    public static CollectorVersion rules(CollectorRelease release) {
        return release == null ? CollectorVersion.LATEST : release.version();
    }

    /** The finding with the release whose rules it followed, when that is known (not null). */
    public static Finding mark(Finding finding, CollectorRelease release) {
        return release == null ? finding
                : finding.withEvidence("collectorRelease", release.version() + " (" + release.from() + ")");
    }
}
