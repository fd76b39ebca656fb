package dev.memoria.core.governance;

import java.util.List;

/**
 * Chooses the policy each governance run obeys. The built-in source always answers the configured policy; the
 * plugin resolver answers a bound plugin's policy where a binding rule applies to the user.
 */
@FunctionalInterface
public interface PolicySource {

    /**
     * Starts a run of {@code task}: the source may read its rules once here, then is asked per user. A user of
     * null asks for the cluster-wide choice (the schedule's intervals, the global clean-ups).
     */
    RunPolicies begin(String task);

    /** The policy of one run, per user. */
    @FunctionalInterface
    interface RunPolicies {
        PolicyChoice forUser(String userId);
    }

    /**
     * A chosen policy and where it came from ({@code builtin}, or the plugin key, version and binding), plus
     * warnings to add to the run's report (a remote plugin that failed, say).
     */
    record PolicyChoice(GovernancePolicy policy, String origin, List<String> warnings) {
        public PolicyChoice {
            warnings = List.copyOf(warnings);
        }

        public static PolicyChoice builtin(GovernancePolicy policy) {
            return new PolicyChoice(policy, "builtin", List.of());
        }
    }

    static PolicySource fixed(GovernancePolicy policy) {
        PolicyChoice choice = PolicyChoice.builtin(policy);
        return task -> user -> choice;
    }
}
