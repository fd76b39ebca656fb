package dev.memoria.core.retrieval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTraitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Is the staging cluster still on Kubernetes 1.27?", "What is the current backup window?",
            "Which CDN do we use now?", "latest decision on the logo", "我们现在还用 Kafka 吗？", "目前的备份策略是什么",
            "最近一次演练的结论"})
    void questionsAboutThePresentAreRecognised(String query) {
        assertThat(QueryTraits.asksForCurrentState(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Which CDN does the shop use?", "How is the cron job scheduled?",
            "knowledge of the snowfall", "张伟 维护的脚本有什么问题？"})
    void otherQuestionsAreNot(String query) {
        // "snowfall" contains "now" but not as a word
        assertThat(QueryTraits.asksForCurrentState(query)).isFalse();
    }

    @Test
    void vectorsAreTrustedUnlessAnEnglishOnlyModelMeetsAMostlyCjkQuery() {
        assertThat(QueryTraits.of("What is the rate limit?", true, false).vectorTrust()).isEqualTo(1);
        assertThat(QueryTraits.of("限流的上限是多少？", true, false).vectorTrust()).isEqualTo(0);
        assertThat(QueryTraits.of("限流的上限是多少？", true, true).vectorTrust()).isEqualTo(1);
        assertThat(QueryTraits.of("What is the rate limit?", false, true).vectorTrust()).isEqualTo(0);
    }

    @Test
    void aChineseQuestionAboutAnEnglishNameCountsAsChinese() {
        // more Latin letters than Han characters, but most of the words are Chinese
        String query = "我们现在应该换成 Apache Cassandra Cluster 吗？";
        assertThat(Scripts.cjkLetterShare(query)).isLessThan(QueryTraits.CJK_QUERY_SHARE);
        assertThat(Scripts.cjkWordShare(query)).isGreaterThan(0.7);
        assertThat(QueryTraits.of(query, true, false).vectorTrust()).isEqualTo(0);
    }

    @Test
    void scriptSharesOfPlainTexts() {
        assertThat(Scripts.cjkWordShare("plain English words")).isZero();
        assertThat(Scripts.cjkWordShare("中文")).isEqualTo(1.0);
        assertThat(Scripts.cjkWordShare("123 !?")).isZero();
        assertThat(Scripts.cjkWordShare("用 Go 写")).isEqualTo(2.0 / 3);
    }
}
