package dev.otlpdoctor.probe.local.service;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.catalog.ServiceCodes;

/**
 * The kinds of collector messages otlpdoctor recognises, each with the finding it becomes. Which are
 * startup errors (the collector exits: nothing listens) and which are runtime trouble matters to the
 * diagnosis.
 */
public enum MessageKind {
    CONFIG_INVALID(ServiceCodes.LOG_CONFIG_INVALID, true),
    ADDRESS_IN_USE(ServiceCodes.LOG_ADDRESS_IN_USE, true),
    START_FAILED(ServiceCodes.LOG_START_FAILED, true),
    OOM_KILLED(ServiceCodes.LOG_OOM_KILLED, false),
    MEMORY_LIMITED(ServiceCodes.LOG_MEMORY_LIMITED, false),
    EXPORT_FAILED(ServiceCodes.LOG_EXPORT_FAILED, false);

    private final CatalogEntry entry;
    private final boolean startup;

    MessageKind(CatalogEntry entry, boolean startup) {
        this.entry = entry;
        this.startup = startup;
    }

    public CatalogEntry entry() {
        return entry;
    }

    /** Whether the collector stops because of it (a config or a port it cannot have). */
    public boolean startup() {
        return startup;
    }
}
