package dev.memoria.adapter.embedding.openai;

import java.time.Duration;

/** Waits between retries; injectable so tests neither sleep nor depend on timing. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
