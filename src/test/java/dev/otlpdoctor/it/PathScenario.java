package dev.otlpdoctor.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliAssert;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of {@link PathScenariosIT}: a bash script run as pid 1 of fresh network, PID and mount
 * namespaces, with the helpers of {@code path-scenarios/lib.sh} (collectors, a container, a forwarder, the
 * check). The PID namespace makes the run deterministic and bounded: the check sees only the scenario's own
 * processes in /proc (not other tests' on this machine), and when the script ends, or the hard time limit
 * kills it, the kernel kills every process it started.
 */
final class PathScenario {
    /** Hard limit of one scenario; the checks in it run with their own, shorter, --timeout. */
    private static final int LIMIT_SECONDS = 90;
    static final List<String> UNSHARE = List.of("unshare", "--net", "--pid", "--fork", "--kill-child", "--mount-proc");

    private PathScenario() {
    }

    /** Runs {@code body} after the helpers; its last command is normally {@code check ...}, whose JSON it prints. */
    static CliDriver.Result run(Path logs, String body, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        all.put("JAVA_FLAGS", Runtime.version().feature() >= 23 ? "--sun-misc-unsafe-memory-access=allow" : "");
        all.put("JAR", JarRunner.jar());
        all.put("TEST_CLASSES", codeSource(PathScenario.class).toString());
        all.put("HOSTS", System.getProperty("otlpdoctor.hosts"));
        all.put("LOGS", logs.toString());
        List<String> command = new ArrayList<>(UNSHARE);
        command.addAll(List.of("bash", "-c", "source \"$0\"\n" + body, library().toString()));
        return JarRunner.run(command, LIMIT_SECONDS, Path.of("."), all);
    }

    static Path library() throws URISyntaxException {
        return Path.of(PathScenario.class.getResource("/path-scenarios/lib.sh").toURI());
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The check's JSON report, after asserting its exit code. */
    static JsonObject report(CliDriver.Result run, int exitCode) {
        return CliAssert.assertThatRun(run).exitsWith(exitCode).json();
    }

    /** Every finding of the report with this code. */
    static List<JsonObject> findings(JsonObject report, String code) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray all = report.getAsJsonArray("findings");
        for (JsonElement f : all) {
            if (f.getAsJsonObject().get("code").getAsString().equals(code)) {
                out.add(f.getAsJsonObject());
            }
        }
        return out;
    }

    /** The values of one field of the findings, e.g. their severities. */
    static List<String> field(List<JsonObject> findings, String name) {
        return findings.stream().map(f -> f.get(name).getAsString()).toList();
    }
}
