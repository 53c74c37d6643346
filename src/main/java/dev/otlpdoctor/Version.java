package dev.otlpdoctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build and the project's home page, written into the jar by Maven resource filtering. */
public final class Version {
    private static final Properties PROPERTIES = load();
    private static final String VERSION = PROPERTIES.getProperty("version", "unknown");

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** The project's home page (pom.xml's url), for links in SARIF and the like. */
    public static String projectUrl() {
        return PROPERTIES.getProperty("url", "");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/otlpdoctor-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
