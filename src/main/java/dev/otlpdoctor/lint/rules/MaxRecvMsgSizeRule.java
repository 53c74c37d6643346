package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** An otlp gRPC server left at the default 4 MiB message limit (info: matters when large batches arrive). */
final class MaxRecvMsgSizeRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (Component receiver : context.config().section("receivers").values()) {
            YamlNode protocols = receiver.body().get("protocols");
            if (!receiver.id().type().equals("otlp") || protocols == null || !protocols.has("grpc")) {
                continue;
            }
            YamlNode grpc = protocols.get("grpc");
            if (grpc.get("max_recv_msg_size_mib") == null) {
                findings.accept(Located.at(ConfigCodes.MAX_RECV_MSG_SIZE_DEFAULT.finding(), protocols.keyLocation("grpc"))
                        .evidence("component", receiver.id().toString())
                        .detail("protocols.grpc of '{component}' does not set max_recv_msg_size_mib.")
                        .build());
            }
        }
    }
}
