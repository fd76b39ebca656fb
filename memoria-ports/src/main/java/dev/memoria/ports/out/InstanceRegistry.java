package dev.memoria.ports.out;

import dev.memoria.ports.model.InstanceBeat;

import java.time.Duration;
import java.util.List;

/** Heartbeat rows of the server instances sharing a database; an instance that stops beating is presumed dead. */
public interface InstanceRegistry {

    /** Inserts or refreshes this instance's row with the database's current time. */
    void heartbeat(String instanceId);

    /** Instances that beat within {@code within}, newest beat first. */
    List<InstanceBeat> recent(Duration within);

    /** Removes the row on a clean shutdown. */
    void remove(String instanceId);
}
