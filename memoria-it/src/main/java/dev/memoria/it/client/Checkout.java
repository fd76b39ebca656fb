package dev.memoria.it.client;

/**
 * The result of checking out a branch: reads and writes without an explicit branch now go to it.
 *
 * @param branch      the checked-out branch
 * @param memoryCount active memories on it
 */
public record Checkout(String branch, long memoryCount) {
}
