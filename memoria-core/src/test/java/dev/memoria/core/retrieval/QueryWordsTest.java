package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryWordsTest {

    @Test
    void latinWordsInLowerCaseAndChineseCharacterPairs() {
        assertThat(QueryWords.of("哪些脚本调用 image-resizer？"))
                .containsExactly("哪些", "些脚", "脚本", "本调", "调用", "image", "resizer");
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
