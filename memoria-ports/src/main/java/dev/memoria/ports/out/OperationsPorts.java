package dev.memoria.ports.out;

import java.util.Objects;

/** What operators look at: memory health sums, usage analytics and the audit trail of support access. */
public record OperationsPorts(HealthStatistics health, UsageLog usage, AuditLog audit) {

    public OperationsPorts {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(audit, "audit");
    }
}
