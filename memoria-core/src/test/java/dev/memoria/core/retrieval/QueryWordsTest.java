package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryWordsTest {

    @Test
    void latinWordsInLowerCaseAndChineseCharacterPairs() {
        assertThat(QueryWords.of("哪些服务依赖 auth-service？"))
                .containsExactly("哪些", "些服", "服务", "务依", "依赖", "auth", "service");
    }

    @Test
    void singleLettersAndLoneCharactersAreNotWords() {
        assertThat(QueryWords.of("a 库 B2")).containsExactly("b2");
    }

    @Test
    void aVeryLongQueryKeepsItsFirstWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("w").append(i).append(' ');
        }
        assertThat(QueryWords.of(text.toString())).hasSize(QueryWords.MAX_WORDS).startsWith("w0", "w1");
    }
}
