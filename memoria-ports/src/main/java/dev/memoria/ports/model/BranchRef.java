package dev.memoria.ports.model;

import java.util.Objects;

/** A user's branch: the unit that owns a revision counter. Every stored row is scoped by it. */
public record BranchRef(String userId, String branch) {

    public static final String MAIN = "main";

    public BranchRef {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(branch, "branch");
    }

    public static BranchRef main(String userId) {
        return new BranchRef(userId, MAIN);
    }

    public boolean isMain() {
        return MAIN.equals(branch);
    }
}
