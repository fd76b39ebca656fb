package com.example.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded library inside the application: notes survive a restart because they live in the data directory. */
class AppTest {

    @TempDir
    Path dataDir;

    @Test
    void answersFromNotesStoredInAnEarlierRun() {
        String first = App.answer(dataDir, "alice", List.of("the dentist appointment is on Tuesday at 9",
                "the car needs new winter tyres"), "what does the car need?");
        String later = App.answer(dataDir, "alice", List.of(), "when is the dentist appointment?");

        assertEquals("the car needs new winter tyres", first);
        assertEquals("the dentist appointment is on Tuesday at 9", later);
    }
}
