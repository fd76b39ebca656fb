package dev.memoria.ports.in;

/**
 * Use case: cherry-pick part of a branch's changes (by ids, a snapshot range, or a query) into main or another
 * branch — the selective middle ground between {@link ManageBranches#merge} (everything) and
 * {@link ManageBranches#apply} (ids per change kind).
 */
public interface PickChanges {

    /** Writes the selected changes after a safety snapshot of the target; a conflict under FAIL writes nothing. */
    PickResult pick(String userId, String source, PickCommand command);

    /** The same selection and the same rules for clashing edits, reported instead of written. */
    PickPreview previewPick(String userId, String source, PickCommand command, PickPreviewPage page);
}
