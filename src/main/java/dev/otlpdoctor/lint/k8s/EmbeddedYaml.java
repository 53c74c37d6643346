package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.Positions;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.lint.yaml.YamlReader;
import java.util.List;

/**
 * A YAML document held in a string of a manifest (a ConfigMap's data value, a v1alpha1 collector's
 * spec.config). For a block scalar ({@code |}) each line of the config is a line of the manifest, so
 * positions map to the manifest's own lines and columns; for other scalar styles they point at the value.
 */
final class EmbeddedYaml {
    private EmbeddedYaml() {
    }

    static List<YamlNode> parse(YamlNode value, KubeObject owner, String what) {
        return YamlReader.documents(value.text(), owner.file() + " (" + what + ")", positions(value, owner.text()));
    }

    private static Positions positions(YamlNode value, String manifest) {
        Location at = value.location();
        String[] lines = manifest.split("\n", -1);
        String line = at.line() - 1 < lines.length ? lines[at.line() - 1] : "";
        char first = at.column() - 1 < line.length() ? line.charAt(at.column() - 1) : ' ';
        if (first != '|' || at.line() >= lines.length) {
            return (l, c) -> at;
        }
        int contentLine = at.line() + 1;
        int indented = contentLine;
        while (indented < lines.length && lines[indented - 1].isBlank()) {
            indented++;
        }
        String content = lines[indented - 1];
        int indent = content.length() - content.stripLeading().length();
        return (l, c) -> new Location(at.file(), contentLine + l, indent + c + 1);
    }
}
