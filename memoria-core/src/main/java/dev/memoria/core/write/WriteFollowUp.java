package dev.memoria.core.write;

import dev.memoria.ports.model.Memory;

/**
 * Work that follows the write of a new memory once it has committed, such as linking it to the entities it names.
 * It must not fail the write: the memory is stored whatever happens here.
 */
@FunctionalInterface
public interface WriteFollowUp {

    WriteFollowUp NONE = memory -> {
    };

    void written(Memory memory);
}
