package com.example.notes;

import dev.memoria.server.embedded.EmbeddedMemoria;
import dev.memoria.server.embedded.UserMemoria;

import java.nio.file.Path;
import java.util.List;

/**
 * A tiny notes application with Memoria embedded: it remembers what it is told and answers a question with the
 * most relevant note. {@code java com.example.notes.App <data-dir> <question> [note...]}
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: App <data-dir> <question> [note...]");
            System.exit(2);
        }
        List<String> notes = List.of(args).subList(2, args.length);
        System.out.println(answer(Path.of(args[0]), "me", notes, args[1]));
    }

    /** Stores {@code notes} for {@code user} in {@code dataDir}, then returns the note that best answers {@code question}. */
    public static String answer(Path dataDir, String user, List<String> notes, String question) {
        try (EmbeddedMemoria memoria = EmbeddedMemoria.open(dataDir)) {
            UserMemoria memories = memoria.forUser(user);
            notes.forEach(memories::store);
            return memories.retrieve(question, 1).stream().findFirst()
                    .map(hit -> hit.memory().content())
                    .orElse("(nothing remembered)");
        }
    }
}
