package dev.memoria.core.branch;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.ReadPoint;

/** The branch a read goes to and the state of it the read sees. */
public record ReadTarget(BranchRef branch, ReadPoint at) {
}
