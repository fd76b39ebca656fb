package dev.memoria.adapter.sql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The MATCH pattern sanitiser: plain words only, so boolean mode ORs them and no operator survives. */
class MatrixOneFullTextQueryTest {

    @Test
    void operatorsAndPunctuationBecomeSingleSpaces() {
        assertThat(FullTextQuery.sanitize("+cat -dog ~mat <a> (b) c* \"d e\" f@g 'h' \\i")).isEqualTo("cat dog mat a b c d e f g h i");
        assertThat(FullTextQuery.sanitize("  snake_case,  x1 ")).isEqualTo("snake_case x1");
    }

    @Test
    void nonLatinLettersAndDigitsAreKept() {
        assertThat(FullTextQuery.sanitize("机器学习，深度学习！")).isEqualTo("机器学习 深度学习");
        assertThat(FullTextQuery.sanitize("café über 42")).isEqualTo("café über 42");
    }

    @Test
    void nothingSearchableIsEmpty() {
        assertThat(FullTextQuery.sanitize(null)).isEmpty();
        assertThat(FullTextQuery.sanitize("")).isEmpty();
        assertThat(FullTextQuery.sanitize("+]]] -- ** ()")).isEmpty();
    }

    @Test
    void longPatternsAreCutAtACharacterBoundaryWithin4KiB() {
        String text = "词".repeat(3000);
        String pattern = FullTextQuery.sanitize(text);
        assertThat(pattern.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FullTextQuery.MAX_BYTES);
        assertThat(pattern).isEqualTo("词".repeat(FullTextQuery.MAX_BYTES / 3));
        assertThat(FullTextQuery.sanitize("ab ".repeat(2000))).doesNotEndWith(" ");
    }
}
