package dev.otlpdoctor.lint.k8s;

import java.util.Optional;

/** Port numbers as manifests write them. */
final class Ports {
    private Ports() {
    }

    static Optional<Integer> number(String text) {
        if (text == null || !text.trim().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text.trim());
        return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
    }
}
