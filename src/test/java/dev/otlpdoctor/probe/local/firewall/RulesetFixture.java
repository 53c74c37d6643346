package dev.otlpdoctor.probe.local.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts a captured ruleset (src/test/resources/firewall, made by capture.sh with the real tools) into a host
 * fixture tree: stand-in {@code nft}, {@code iptables-nft-save}, {@code iptables-legacy-save} scripts in its
 * {@code usr/sbin} that print the captured outputs the way the real programs printed them, and the process
 * status of root.
 */
public final class RulesetFixture {
    private final Path root;

    private RulesetFixture(Path root) {
        this.root = root;
    }

    /** A fixture tree (the root of a {@code HostFs.at}) whose programs serve {@code name}'s captured outputs as root. */
    public static RulesetFixture install(Path root, String name) {
        RulesetFixture fixture = new RulesetFixture(root);
        fixture.uid(0);
        Path json = fixture.copy(name + ".json");
        Path text = fixture.copy(name + ".txt");
        fixture.script("nft", "case \"$1\" in\n  -j) exec /bin/cat '" + json + "' ;;\n  -a) exec /bin/cat '" + text + "' ;;\nesac\n"
                + "echo 'nft: unexpected arguments' >&2\nexit 1\n");
        for (String save : new String[] {"iptables", "ip6tables"}) {
            if (resource(name + "." + save + "-save") != null) {
                fixture.script(save + "-nft-save", "exec /bin/cat '" + fixture.copy(name + "." + save + "-save") + "'\n");
            }
        }
        if (resource(name + ".legacy-save") != null) {
            fixture.write("proc/net/ip_tables_names", "filter\n");
            fixture.script("iptables-legacy-save", "exec /bin/cat '" + fixture.copy(name + ".legacy-save") + "'\n");
        }
        return fixture;
    }

    /** The effective uid /proc/self/status reports. */
    public RulesetFixture uid(int uid) {
        write("proc/self/status", "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n");
        return this;
    }

    /** A program of the tree: a shell script with {@code body}. */
    public RulesetFixture script(String program, String body) {
        Path path = root.resolve("usr/sbin").resolve(program);
        write("usr/sbin/" + program, "#!/bin/sh\n" + body);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RulesetFixture remove(String program) {
        try {
            Files.deleteIfExists(root.resolve("usr/sbin").resolve(program));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private Path copy(String resource) {
        Path target = root.resolve("captured").resolve(resource);
        try (InputStream in = resource(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture firewall/" + resource);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static InputStream resource(String name) {
        return RulesetFixture.class.getResourceAsStream("/firewall/" + name);
    }

    private void write(String relative, String content) {
        try {
            Path path = root.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
