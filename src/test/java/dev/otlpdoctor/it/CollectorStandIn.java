package dev.otlpdoctor.it;

import dev.otlpdoctor.cli.Main;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector-like process for {@link PathScenariosIT}, started as {@code otelcol-contrib --config FILE ...}:
 * its command line carries the {@code --config} a real collector is started with (so the local probes find
 * and lint that file through /proc/PID/root), and it answers OTLP like a collector whose pipelines accept
 * everything, by running {@code otlpdoctor listen} with the remaining arguments. The config file itself is
 * not loaded: the scenario is a collector that runs with it.
 */
public final class CollectorStandIn {
    private CollectorStandIn() {
    }

    public static void main(String[] args) {
        List<String> listen = new ArrayList<>(List.of("listen"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++; // and its value
            } else {
                listen.add(args[i]);
            }
        }
        Main.main(listen.toArray(String[]::new));
    }
}
