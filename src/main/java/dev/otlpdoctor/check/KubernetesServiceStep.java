package dev.otlpdoctor.check;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.k8s.ServiceInspector;
import dev.otlpdoctor.k8s.ServiceRef;
import dev.otlpdoctor.probe.local.service.PodStatuses;
import dev.otlpdoctor.report.ProbeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --k8s-service}: the Service, its endpoints and pods as kubectl shows them, then the pods' state
 * and logs; the target it yields is the Service's cluster DNS name.
 */
public record KubernetesServiceStep(ServiceRef service, Map<String, String> env) implements RunStep {

    @Override
    public Result run(Deadline deadline) throws InterruptedException {
        ServiceInspector.View view = ServiceInspector.view(service, env, deadline);
        List<ProbeRun> runs = new ArrayList<>(List.of(view.run()));
        PodStatuses.inspect(view.pods(), view.target().host(), env, deadline).ifPresent(runs::add);
        return new Result(runs, List.of(view.target()));
    }
}
