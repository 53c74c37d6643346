package dev.otlpdoctor.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads findings out of a {@code check -o json} document, for assertions. */
public final class Findings {
    private final JsonObject report;

    private Findings(JsonObject report) {
        this.report = report;
    }

    public static Findings of(CliDriver.Result result) {
        return new Findings(CliAssert.assertThatRun(result).json());
    }

    /** {@code probe:code} of every finding, in report order. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (JsonElement e : report.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            out.add(f.get("probe").getAsString() + ":" + f.get("code").getAsString());
        }
        return out;
    }

    /** The findings with this code. */
    public List<JsonObject> withCode(String code) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : report.getAsJsonArray("findings")) {
            if (e.getAsJsonObject().get("code").getAsString().equals(code)) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    public String diagnosisCode() {
        JsonElement diagnosis = report.get("diagnosis");
        return diagnosis == null || diagnosis.isJsonNull() ? null : diagnosis.getAsJsonObject().get("code").getAsString();
    }

    public String verdict() {
        JsonElement verdict = report.get("verdict");
        return verdict == null ? "" : verdict.getAsString();
    }
}
