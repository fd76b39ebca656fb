package dev.memoria.ports.model;

import java.time.Instant;

/**
 * Which plugin a binding uses for a subject. Rules are unique by (domain, binding, subject, priority).
 *
 * @param versionSelector   an exact version ({@code 1.2.0}) or a range ({@code ^1.2}, {@code ~1.2.3},
 *                          {@code >=1.0.0}, {@code *})
 * @param rolloutPercent    1..100: the share of users (by a stable hash of the user id) the rule applies to
 * @param transportEndpoint for remote plugins, an endpoint overriding the package's (null: the package's)
 */
public record PluginBindingRule(String ruleId, String domain, String bindingKey, String subjectKey, int priority,
                                String pluginKey, String versionSelector, int rolloutPercent,
                                String transportEndpoint, String status, Instant updatedAt, String updatedBy) {
}
