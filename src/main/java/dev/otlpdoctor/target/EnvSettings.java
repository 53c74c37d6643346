package dev.otlpdoctor.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables an application would start with, each with where it was set, plus the
 * variables whose value cannot be known offline (a Kubernetes {@code valueFrom} reference).
 */
public final class EnvSettings {
    private final Map<String, Setting> settings;
    private final Map<String, Setting> unresolved;

    private EnvSettings(Map<String, Setting> settings, Map<String, Setting> unresolved) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.unresolved = Collections.unmodifiableMap(new LinkedHashMap<>(unresolved));
    }

    /** The process environment (or an injected one): every variable's source is {@code env NAME}. */
    public static EnvSettings of(Map<String, String> env) {
        Builder builder = builder();
        env.forEach((name, value) -> builder.set(new Setting(name, value, Source.env(name))));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The variable if it is set to a non-blank value (the specification treats empty as unset). */
    public Optional<Setting> get(String variable) {
        Setting setting = settings.get(variable);
        return setting == null || setting.value().isBlank() ? Optional.empty() : Optional.of(setting);
    }

    /** Every variable that is set, in the order it was set. */
    public List<Setting> all() {
        return List.copyOf(settings.values());
    }

    /**
     * Variables whose value, or part of it, comes from elsewhere at run time; {@link Setting#value()}
     * describes the reference (e.g. {@code valueFrom secretKeyRef otel-auth/token}), never a value.
     */
    public Map<String, Setting> unresolved() {
        return unresolved;
    }

    /** Collects settings in order; a later setting of the same variable replaces an earlier one. */
    public static final class Builder {
        private final Map<String, Setting> settings = new LinkedHashMap<>();
        private final Map<String, Setting> unresolved = new LinkedHashMap<>();

        public Builder set(Setting setting) {
            settings.remove(setting.variable());
            unresolved.remove(setting.variable());
            settings.put(setting.variable(), setting);
            return this;
        }

        public Builder unresolved(Setting reference) {
            settings.remove(reference.variable());
            unresolved.put(reference.variable(), reference);
            return this;
        }

        /**
         * A variable whose value is known except for parts resolved at run time: {@code setting} holds the
         * value with placeholders, {@code reference} says what they stand for.
         */
        public Builder partlyResolved(Setting setting, Setting reference) {
            set(setting);
            unresolved.put(reference.variable(), reference);
            return this;
        }

        /** The value set so far, for references between variables ({@code $(NAME)} in Kubernetes). */
        public Optional<String> valueOf(String variable) {
            return Optional.ofNullable(settings.get(variable)).map(Setting::value);
        }

        public boolean isUnresolved(String variable) {
            return unresolved.containsKey(variable);
        }

        public EnvSettings build() {
            return new EnvSettings(settings, unresolved);
        }
    }
}
