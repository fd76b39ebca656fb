package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

/**
 * Who acts and where: the tenant whose memories are touched, and an explicit branch (null means the
 * user's checked-out branch).
 */
public record Caller(String userId, String branch) {

    public Caller {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("invalid_user", "user_id must not be empty");
        }
        if (userId.length() > 64) {
            throw new InvalidInputException("invalid_user", "user_id exceeds 64 characters");
        }
        branch = branch == null || branch.isBlank() ? null : branch.trim();
    }

    public static Caller of(String userId) {
        return new Caller(userId, null);
    }

    public Caller onBranch(String explicitBranch) {
        return new Caller(userId, explicitBranch);
    }
}
