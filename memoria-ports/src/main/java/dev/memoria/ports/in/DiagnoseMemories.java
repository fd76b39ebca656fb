package dev.memoria.ports.in;

import dev.memoria.ports.model.MemoryType;

import java.util.Map;

/** Use case: how healthy a user's memory is (main branch), and across all users for operators. */
public interface DiagnoseMemories {

    /** Per memory type that has active memories: size, confidence, how often it was corrected, how old it is. */
    Map<MemoryType, TypeHealth> analyze(String userId);

    StorageUsage storage(String userId);

    Capacity capacity(String userId);

    /** What governance would clean up; {@code userId} null sums every user. */
    Hygiene hygiene(String userId);
}
