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
        assertThat(EntityTerms.of("缓存层用 Redis 保存 session，高峰时 10 万连接。"))
                .contains("Redis", "session", "10");
    }

    @Test
    void longLatinNamesInShortChineseNotesCountAsNamesButShortEnglishWordsDoNot() {
        // most letters are Latin here, most words Chinese
        assertThat(EntityTerms.of("order-api 调用 inventory-client 接口")).containsExactly("order-api", "inventory-client");
        assertThat(EntityTerms.of("Priya 是平台组的 tech lead，维护 image-resizer 和 thumb-cache 两个组件。"))
                .doesNotContain("tech", "lead").contains("Priya", "image-resizer", "thumb-cache");
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
    void whatAQueryNamesIsItsNamesInLowerCase() {
        assertThat(EntityTerms.namedInQuery("Should we move image-resizer to Kubernetes?"))
                .contains("image-resizer", "kubernetes");
        assertThat(EntityTerms.namedInQuery("我们的缓存组件分别负责什么？")).isEmpty();
    }
}
