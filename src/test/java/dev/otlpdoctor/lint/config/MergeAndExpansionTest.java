package dev.otlpdoctor.lint.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.yaml.Positions;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.lint.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeAndExpansionTest {

    private static YamlNode yaml(String name, String text) {
        return YamlReader.documents(text, name, Positions.of(name)).get(0);
    }

    @Test
    void mapsMergeKeyByKeyAndLaterValuesWin() {
        YamlNode merged = ConfigMerger.merge(List.of(
                yaml("a.yaml", "exporters:\n  debug: {}\nservice:\n  extensions: [health_check]\n"),
                yaml("b.yaml", "exporters:\n  otlp:\n    endpoint: x:4317\nservice:\n  extensions: [pprof]\n")));
        assertThat(merged.get("exporters").entries().keySet()).containsExactly("debug", "otlp");
        // Lists are replaced, not appended (the append strategy is an opt-in feature gate).
        assertThat(merged.at("service", "extensions").items()).extracting(YamlNode::text).containsExactly("pprof");
        // A value keeps the place it was written.
        assertThat(merged.at("exporters", "otlp", "endpoint").location().file()).isEqualTo("b.yaml");
        assertThat(merged.get("exporters").keyLocation("debug").file()).isEqualTo("a.yaml");
    }

    @Test
    void aKeyWithoutValueReplacesTheEarlierMapWithNull() {
        YamlNode merged = ConfigMerger.merge(List.of(
                yaml("a.yaml", "processors:\n  batch: {}\n"), yaml("b.yaml", "processors:\n")));
        assertThat(merged.get("processors").kind()).isEqualTo(YamlNode.Kind.NULL);
    }

    @Test
    void expansionFollowsConfmap() {
        EnvExpander expander = new EnvExpander(Map.of("HOST", "10.0.0.7", "EMPTY", ""));
        YamlNode expanded = expander.expand(yaml("c.yaml", String.join("\n",
                "a: ${env:HOST}:4317",
                "b: ${HOST}",
                "c: ${env:MISSING:-0.0.0.0}:4318",
                "d: ${env:MISSING}",
                "e: price $$5",
                "f: $HOST",
                "g: ${file:/etc/secret}",
                "")));
        assertThat(expanded.textAt("a")).isEqualTo("10.0.0.7:4317");
        assertThat(expanded.textAt("b")).isEqualTo("10.0.0.7");
        assertThat(expanded.textAt("c")).isEqualTo("0.0.0.0:4318");
        assertThat(expanded.textAt("d")).isEmpty();
        assertThat(expanded.textAt("e")).isEqualTo("price $5");
        assertThat(expanded.textAt("f")).isEqualTo("$HOST");
        assertThat(expanded.textAt("g")).isEqualTo("${file:/etc/secret}");
        assertThat(expander.unresolved()).extracting(EnvReference::name, EnvReference::bare)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING", false),
                        org.assertj.core.groups.Tuple.tuple("HOST", true));
        assertThat(expander.unresolved().get(0).location().line()).isEqualTo(4);
    }

    @Test
    void componentIdsWithNames() {
        assertThat(ComponentId.parse("otlp/2")).isEqualTo(new ComponentId("otlp", "2"));
        assertThat(ComponentId.parse("batch/traces/x")).isEqualTo(new ComponentId("batch", "traces/x"));
        assertThat(ComponentId.parse("otlp").toString()).isEqualTo("otlp");
    }

    @Test
    void listenerAddressesOverlap() {
        Listener wildcard = Listeners.parse("0.0.0.0:4317").orElseThrow();
        Listener loopback = Listeners.parse("127.0.0.1:4317").orElseThrow();
        Listener localhost = Listeners.parse("localhost:4317").orElseThrow();
        Listener other = Listeners.parse("10.0.0.7:4317").orElseThrow();
        Listener v6 = Listeners.parse("[::]:4317").orElseThrow();
        assertThat(wildcard.conflictsWith(loopback)).isTrue();
        assertThat(localhost.conflictsWith(loopback)).isTrue();
        assertThat(other.conflictsWith(loopback)).isFalse();
        assertThat(v6.allInterfaces()).isTrue();
        assertThat(Listeners.parse(":4318").orElseThrow().allInterfaces()).isTrue();
        assertThat(Listeners.parse("localhost")).isEmpty();
    }
}
