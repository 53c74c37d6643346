package dev.otlpdoctor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * What a probe is, declared once next to its code: its id in reports, when it runs, the earlier probes it
 * needs, what it observes and the codes it reports. The runner reads the first three; docs/probes.md's
 * chain table is generated from all of it (and checked against the catalog by a test).
 *
 * @param id short stable id shown in reports, e.g. {@code tcp}
 * @param scope once per target, per endpoint, or per target after its endpoints
 * @param needs earlier probes this one needs: when one of them failed or was skipped, it is skipped with the reason
 * @param observes what it looks at, in one sentence for the chain's table
 * @param codes the finding codes it reports: exact codes, or a family as {@code tls.*}
 */
public record ProbeInfo(String id, Scope scope, List<Class<? extends Probe>> needs, String observes,
                        List<String> codes) {
    public ProbeInfo {
        needs = List.copyOf(needs);
        codes = List.copyOf(codes);
    }

    public static ProbeInfo of(String id, Scope scope) {
        return new ProbeInfo(id, scope, List.of(), "", List.of());
    }

    @SafeVarargs
    public final ProbeInfo needs(Class<? extends Probe>... probes) {
        List<Class<? extends Probe>> list = new ArrayList<>();
        for (Class<? extends Probe> probe : probes) {
            list.add(probe);
        }
        return new ProbeInfo(id, scope, list, observes, codes);
    }

    public ProbeInfo observes(String what) {
        return new ProbeInfo(id, scope, needs, what, codes);
    }

    public ProbeInfo reports(String... codeList) {
        return new ProbeInfo(id, scope, needs, observes, List.of(codeList));
    }
}
