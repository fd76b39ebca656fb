package dev.memoria.ports.in;

import dev.memoria.ports.model.Branch;

/** A branch and whether it is the user's checked-out one. */
public record BranchInfo(Branch branch, boolean active) {
}
