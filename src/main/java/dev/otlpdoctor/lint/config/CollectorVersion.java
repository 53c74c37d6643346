package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector release a config is meant for ({@code --collector-version}); without one, the newest
 * release, so that a config is judged by what a fresh install would do with it.
 */
public record CollectorVersion(int major, int minor, int patch, boolean latest) implements Comparable<CollectorVersion> {
    public static final CollectorVersion LATEST = new CollectorVersion(Integer.MAX_VALUE, 0, 0, true);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+].*)?");

    /** Parses {@code 0.110.0}, {@code v0.110.0}, {@code 0.110} or {@code latest}; anything else is exit 2. */
    public static CollectorVersion parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("latest")) {
            return LATEST;
        }
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidInputException("--collector-version: '" + text + "' is not a collector version (example: 0.110.0)");
        }
        return new CollectorVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), false);
    }

    /** A release of the 0.x line, e.g. {@code v(111)} for v0.111.0. */
    public static CollectorVersion v(int minor) {
        return new CollectorVersion(0, minor, 0, false);
    }

    public boolean atLeast(CollectorVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(CollectorVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return latest ? "latest" : "v" + major + "." + minor + "." + patch;
    }
}
