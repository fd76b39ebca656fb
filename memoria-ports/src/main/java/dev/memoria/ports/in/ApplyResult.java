package dev.memoria.ports.in;

import java.util.List;

/** Which of the chosen changes were applied and which were skipped (no longer applicable). */
public record ApplyResult(List<String> appliedAdds, List<String> skippedAdds, List<String> appliedUpdates,
                          List<String> skippedUpdates, List<String> appliedRemoves, List<String> skippedRemoves,
                          List<String> appliedConflicts, List<String> skippedConflicts, String safetySnapshot) {
}
