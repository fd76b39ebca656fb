package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTermsTest {

    @Test
    void englishTextYieldsOnlyEntityShapedWords() {
        assertThat(EntityTerms.of("The payment team owns billing-service and uses Stripe v5.1"))
                .containsExactly("billing-service", "Stripe", "v5.1");
    }

    @Test
    void chineseTextYieldsItsLatinWords() {
        assertThat(EntityTerms.of("用户认证模块用 Redis 存储 session，单节点支撑 10 万并发。"))
                .contains("Redis", "session", "10");
    }

    @Test
    void longLatinNamesInShortChineseNotesCountAsNamesButShortEnglishWordsDoNot() {
        // most letters are Latin here, most words Chinese
        assertThat(EntityTerms.of("auth-service 使用 jsonwebtoken 库")).containsExactly("auth-service", "jsonwebtoken");
        assertThat(EntityTerms.of("Alice 是认证团队的 tech lead，负责 auth-service 和 token-service 两个模块。"))
                .doesNotContain("tech", "lead").contains("Alice", "auth-service", "token-service");
    }

    @Test
    void javascriptNamesAndContainerImagesHaveAShortForm() {
        assertThat(EntityTerms.shortForm("node.js")).isEqualTo("node");
        assertThat(EntityTerms.shortForm("node:18-alpine")).isEqualTo("node");
        assertThat(EntityTerms.shortForm("python:3.11-slim")).isEqualTo("python");
        assertThat(EntityTerms.shortForm("docker.io/bitnami/redis:7.2")).isEqualTo("redis");
        assertThat(EntityTerms.shortForm("auth-service")).isNull();
        assertThat(EntityTerms.shortForm("v8.5.1")).isNull();
        assertThat(EntityTerms.shortForm("12:30")).isNull();
    }

    @Test
    void whatAQueryNamesIncludesTheAcronymsOfItsPhrases() {
        assertThat(EntityTerms.namedInQuery("Should we adopt React Server Components in auth-service?"))
                .contains("auth-service", "rsc");
        assertThat(EntityTerms.namedInQuery("我们的内存存储组件都承担了哪些职责？")).isEmpty();
    }
}
