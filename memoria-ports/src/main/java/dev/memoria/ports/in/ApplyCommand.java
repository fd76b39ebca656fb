package dev.memoria.ports.in;

import java.util.List;

/** A chosen subset of a branch's changes to apply to main. */
public record ApplyCommand(List<String> adds, List<Update> updates, List<String> removes, List<String> acceptConflicts) {

    public record Update(String oldId, String newId) {
    }

    /** The changes to apply, named one by one: {@code ApplyCommand.builder().add(id).remove(id2).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of an {@link ApplyCommand}. */
    public static final class Builder {
        private final List<String> adds = new java.util.ArrayList<>();
        private final List<Update> updates = new java.util.ArrayList<>();
        private final List<String> removes = new java.util.ArrayList<>();
        private final List<String> acceptConflicts = new java.util.ArrayList<>();

        private Builder() {
        }

        /** Apply a memory the branch added. */
        public Builder add(String memoryId) {
            adds.add(memoryId);
            return this;
        }

        /** Apply the branch's replacement {@code newId} of main's {@code oldId}. */
        public Builder update(String oldId, String newId) {
            updates.add(new Update(oldId, newId));
            return this;
        }

        /** Apply the branch's removal of a memory. */
        public Builder remove(String memoryId) {
            removes.add(memoryId);
            return this;
        }

        /** Take the branch's side of a conflict on this memory. */
        public Builder acceptConflict(String memoryId) {
            acceptConflicts.add(memoryId);
            return this;
        }

        public ApplyCommand build() {
            return new ApplyCommand(adds, updates, removes, acceptConflicts);
        }
    }

    public ApplyCommand {
        adds = adds == null ? List.of() : List.copyOf(adds);
        updates = updates == null ? List.of() : List.copyOf(updates);
        removes = removes == null ? List.of() : List.copyOf(removes);
        acceptConflicts = acceptConflicts == null ? List.of() : List.copyOf(acceptConflicts);
    }
}
