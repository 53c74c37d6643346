package dev.otlpdoctor.cli;

import com.google.gson.JsonArray;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.CatalogRenderer;
import dev.otlpdoctor.report.JsonRenderer;
import dev.otlpdoctor.report.catalog.Catalog;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code otlpdoctor explain CODE}: the cause, evidence and fix of a finding code. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        header = "Print what a finding code means: its cause, the evidence behind it, and the fix.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor explain tcp.refused",
            "  otlpdoctor explain --list",
            "  otlpdoctor explain bind.localhost-only -o json | jq -r '.remediation[]'"})
public final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @ArgGroup(multiplicity = "1")
    private What what;

    static final class What {
        @Parameters(paramLabel = "CODE", description = "A finding code, e.g. tcp.refused.",
                completionCandidates = CodeCandidates.class)
        String code;

        @Option(names = {"-l", "--list"}, description = "List every code with its severity and title.")
        boolean list;
    }

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter out = output.out();
        CatalogRenderer renderer = new CatalogRenderer(output.style(root.env()));
        if (what.list) {
            if (output.json()) {
                JsonArray codes = new JsonArray();
                Catalog.all().forEach(e -> codes.add(CatalogRenderer.json(e)));
                out.println(JsonRenderer.toString(codes));
            } else {
                renderer.list(Catalog.all(), out);
            }
            return ExitCode.OK.code();
        }
        CatalogEntry entry = Catalog.find(what.code).orElseThrow(() -> unknown(what.code));
        if (output.json()) {
            out.println(JsonRenderer.toString(CatalogRenderer.json(entry)));
        } else {
            renderer.text(entry, out);
        }
        return ExitCode.OK.code();
    }

    private static InvalidInputException unknown(String code) {
        List<String> close = Catalog.closeMatches(code);
        String hint = close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?";
        return new InvalidInputException("unknown finding code '" + code + "'." + hint
                + " ('otlpdoctor explain --list' shows every code)");
    }

    /** Shell completion offers the catalog's codes. */
    static final class CodeCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Catalog.all().stream().map(CatalogEntry::code).iterator();
        }
    }
}
