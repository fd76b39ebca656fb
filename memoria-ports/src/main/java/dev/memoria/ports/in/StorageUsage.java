package dev.memoria.ports.in;

/**
 * @param total              memories ever kept on main (active and inactive)
 * @param averageContentSize mean content length of the active ones, in characters
 */
public record StorageUsage(long total, long active, long inactive, double averageContentSize) {
}
