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
}
