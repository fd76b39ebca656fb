package dev.memoria.ports.model;

import java.time.Instant;

/** One entry of the plugin audit trail: every lifecycle action, failed publishes and resolution changes. */
public record PluginEvent(String eventId, String eventType, String status, String message, String domain,
                          String pluginKey, String version, String bindingKey, String subjectKey, String actor,
                          Instant createdAt) {
}
