package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.report.Finding;
import java.util.List;
import java.util.function.Consumer;

/** One check of a collector config; each rule reports its own finding code. */
public interface ConfigRule {
    void check(ConfigContext context, Consumer<Finding> findings);

    /** Every config rule, in the order their findings are listed. */
    static List<ConfigRule> all() {
        return List.of(
                new DeprecatedComponentRule(),
                new PipelineEmptyRule(),
                new ReceiverUndefinedRule(),
                new ComponentUndefinedRule(),
                new ProtocolMissingRule(),
                new ReceiverUnusedRule(),
                new PortConflictRule(),
                new EndpointLocalhostRule(),
                new MemoryLimiterRule(),
                new BatchRule(),
                new MaxRecvMsgSizeRule(),
                new EnvUnsetRule(),
                new InvalidKeyRule(),
                new WrongTypeRule(),
                new DurationUnitRule(),
                new EnumValueRule(),
                new RequiredFieldRule(),
                new InvalidValueRule(),
                new ComponentUncheckedRule());
    }
}
