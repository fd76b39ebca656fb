package dev.memoria.ports.in;

import java.util.List;

/** A chosen subset of a branch's changes to apply to main. */
public record ApplyCommand(List<String> adds, List<Update> updates, List<String> removes, List<String> acceptConflicts) {

    public record Update(String oldId, String newId) {
    }

    public ApplyCommand {
        adds = adds == null ? List.of() : List.copyOf(adds);
        updates = updates == null ? List.of() : List.copyOf(updates);
        removes = removes == null ? List.of() : List.copyOf(removes);
        acceptConflicts = acceptConflicts == null ? List.of() : List.copyOf(acceptConflicts);
    }
}
