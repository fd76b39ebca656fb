package dev.memoria.ports.model;

/**
 * Which state of a branch a read sees: the current head, or the state as of a past revision
 * (a row version is visible at revision R when {@code rev_from <= R AND (rev_to IS NULL OR rev_to > R)}).
 */
public record ReadPoint(Long revision) {

    public static final ReadPoint HEAD = new ReadPoint(null);

    public static ReadPoint at(long revision) {
        return new ReadPoint(revision);
    }

    public boolean isHead() {
        return revision == null;
    }
}
