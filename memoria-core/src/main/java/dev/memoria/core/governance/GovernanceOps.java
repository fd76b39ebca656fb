package dev.memoria.core.governance;

/** Names of governance operations, as they appear in cooldowns, audit entries and the admin trigger. */
public final class GovernanceOps {

    public static final String GOVERNANCE = "governance";
    public static final String CONSOLIDATE = "consolidate";
    public static final String REFLECT = "reflect";
    public static final String EXTRACT_ENTITIES = "extract_entities";
    public static final String WEEKLY = "weekly";

    private GovernanceOps() {
    }
}
