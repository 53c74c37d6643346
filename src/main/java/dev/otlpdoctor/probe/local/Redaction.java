package dev.otlpdoctor.probe.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Command lines shown in reports keep their shape but never the value of a secret-looking argument. */
final class Redaction {
    /** Names of keys and flags whose values are secrets (header values, tokens, passwords). */
    static final Pattern SECRET = Pattern.compile(
            "(?i)(auth|token|password|passwd|secret|api[_-]?key|bearer|headers)");

    private Redaction() {
    }

    static String commandLine(List<String> argv) {
        List<String> out = new ArrayList<>();
        boolean hideNext = false;
        for (String arg : argv) {
            if (hideNext) {
                out.add("<redacted>");
                hideNext = false;
            } else if (arg.startsWith("--config=") || arg.startsWith("-config=")) {
                int eq = arg.indexOf('=');
                out.add(arg.substring(0, eq + 1) + ConfigArgument.parse(arg.substring(eq + 1)).value());
            } else if (arg.startsWith("yaml:")) {
                out.add(ConfigArgument.parse(arg).value());
            } else if (SECRET.matcher(arg).find()) {
                int eq = arg.indexOf('=');
                out.add(eq > 0 ? arg.substring(0, eq + 1) + "<redacted>" : arg);
                // "--api-token VALUE": the value is the next argument
                hideNext = eq < 0 && arg.startsWith("-");
            } else {
                out.add(arg);
            }
        }
        String line = String.join(" ", out);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
