package dev.memoria.core.retrieval;

import dev.memoria.core.retrieval.AssociativeExpansion.Scored;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.memoria.core.retrieval.TestMemories.memory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The word-level ranking rules read whatever text clients send: queries and memories with any characters at any
 * position (surrogate pairs, punctuation at the ends, negations and dates cut off by the end of the text) must never
 * make them throw, since a retrieval failing on its input would be a 500 for the client.
 */
class WordRulesRobustnessTest {

    /** Pieces the rules look for, mixed with characters from every plane. */
    private static final String[] PIECES = {"不", "没有", "未来", "非常", "not", "n't", " ", "，", ".", "-", "auth-service",
            "2025-Q", "2025-13", "2024年", "11月", "previous ", "之前的", "@", "😀", "\uD83D", "\uDE00", "GraphQL",
            "影响", "v8.5.1", ":", "node:18", "RSC", "React Server Components", "\n", "é", "Ⅻ", "ß", "计划", "plans to ",
            "哪些服务", "which services ", "PaymentService", "-service", "服务器"};

    @Test
    void randomTextNeverMakesTheRulesThrow() {
        Random random = new Random(20261126);
        for (int round = 0; round < 2_000; round++) {
            String query = randomText(random);
            List<Scored> pool = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pool.add(new Scored(memory("m" + i, randomText(random)), random.nextDouble()));
            }
            assertThatCode(() -> {
                Set<String> words = QueryWords.of(query);
                assertThat(words).doesNotContainNull();
                QueryTraits.of(query, true, false);
                StatedTimeline timeline = StatedTimeline.of(pool.stream().map(Scored::memory).toList());
                for (Scored s : pool) {
                    EntityTerms.of(s.memory().content());
                    timeline.position(s.memory()).ifPresent(p -> assertThat(p).isBetween(0.0, 1.0));
                }
            }).as("query %s", query).doesNotThrowAnyException();
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                text.appendCodePoint(random.nextInt(0x2FFFF) + 1);
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }
}
