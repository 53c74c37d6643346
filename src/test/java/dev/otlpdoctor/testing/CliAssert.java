package dev.otlpdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Assertions on a {@link CliDriver.Result} that show the whole run when they fail. */
public final class CliAssert {
    private final CliDriver.Result result;

    private CliAssert(CliDriver.Result result) {
        this.result = result;
    }

    public static CliAssert assertThatRun(CliDriver.Result result) {
        return new CliAssert(result);
    }

    public CliAssert exitsWith(int code) {
        assertThat(result.exitCode()).as("exit code of\n%s", result).isEqualTo(code);
        return this;
    }

    public CliAssert stdoutContains(String... parts) {
        assertThat(result.out()).as("stdout of\n%s", result).contains(parts);
        return this;
    }

    public CliAssert stderrContains(String... parts) {
        assertThat(result.err()).as("stderr of\n%s", result).contains(parts);
        return this;
    }

    public CliAssert stderrIsOneErrorLine() {
        String[] lines = result.err().strip().split("\n");
        assertThat(lines.length).as("stderr lines of\n%s", result).isBetween(1, 2);
        assertThat(result.err()).as("stderr of\n%s", result).doesNotContain("\tat ", "Exception");
        return this;
    }

    /**
     * A usage error as the command line reports it: exit 2, nothing on stdout, and on stderr exactly
     * {@code message} and the hint to the command's help.
     */
    public CliAssert isUsageError(String message) {
        exitsWith(2).stderrIsOneErrorLine();
        String[] lines = result.err().strip().split("\n");
        assertThat(lines[0]).as("stderr of\n%s", result).isEqualTo(message);
        assertThat(lines[1]).as("stderr of\n%s", result).startsWith("Try 'otlpdoctor").endsWith(" --help' for usage.");
        assertThat(result.out()).as("stdout of\n%s", result).isEmpty();
        return this;
    }

    public CliAssert stderrIsEmpty() {
        assertThat(result.err()).as("stderr of\n%s", result).isEmpty();
        return this;
    }

    /** stdout parsed as the single JSON document it must be. */
    public JsonObject json() {
        try {
            return JsonParser.parseString(result.out()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new AssertionError("stdout is not one JSON object:\n" + result, e);
        }
    }
}
