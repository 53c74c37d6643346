package dev.otlpdoctor.cli;

import dev.otlpdoctor.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code otlpdoctor --version}: the tool version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines();
    }

    /** The lines {@code --version} prints, the same on every command. */
    static String[] lines() {
        return new String[] {
            "otlpdoctor " + Version.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
