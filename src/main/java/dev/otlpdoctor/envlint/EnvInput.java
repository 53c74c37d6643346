package dev.otlpdoctor.envlint;

import dev.otlpdoctor.target.EnvSettings;

/**
 * The settings to lint and what is known about where the application runs.
 *
 * @param kind {@code env}, {@code file} or {@code manifest}
 * @param description one phrase for reports, e.g. {@code app.env} or {@code deploy.yaml, Deployment/app, container app}
 * @param path the file read, or {@code ""} for the process environment
 * @param container the container name in a manifest, or {@code ""}
 * @param settings the variables
 * @param where whether the application runs in a container
 * @param filesOnThisMachine whether certificate paths can be checked here (not for a manifest: they are inside the pod)
 */
public record EnvInput(String kind, String description, String path, String container, EnvSettings settings,
                       ContainerContext where, boolean filesOnThisMachine) {
}
