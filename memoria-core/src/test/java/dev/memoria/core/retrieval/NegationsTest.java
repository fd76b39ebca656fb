package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NegationsTest {

    @Test
    void chineseWordsRightAfterANegationAreDenied() {
        assertThat(Negations.deniedShare(Set.of("影响"), "验证码服务偶尔超时，但不影响登录。")).isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("影响"), "search-service 通过 API Gateway 做认证，不受影响。")).isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("grpc"), "payment-service 使用 REST API，因为 Stripe SDK 不支持 gRPC。"))
                .isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("graphql"), "order-service 一直使用 REST API，从未引入 GraphQL。"))
                .isEqualTo(1.0);
    }

    @Test
    void chineseWordsThatStartWithANegatingCharacterButDoNotNegateDenyNothing() {
        assertThat(Negations.deniedShare(Set.of("快"), "新的缓存非常快")).isZero();
        assertThat(Negations.deniedShare(Set.of("影响"), "这个改动不仅影响登录，还影响注册")).isZero();
        assertThat(Negations.deniedShare(Set.of("规划"), "未来规划：继续推进 gRPC")).isZero();
    }

    @Test
    void aWordAlsoUsedPlainlySomewhereInTheMemoryIsNotDenied() {
        assertThat(Negations.deniedShare(Set.of("影响"), "不影响登录，但影响了注册")).isZero();
    }

    @Test
    void aNameBetweenCountsAsOneCharacterAndAWordInsideANameIsDeniedWithIt() {
        assertThat(Negations.deniedShare(Set.of("auth", "service"), "web-app 不调用 auth-service")).isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("token"), "不经过 API Gateway 验证 token")).isZero();
        assertThat(Negations.deniedShare(Set.of("验证"), "不经过 API Gateway 验证 token")).isZero();
        assertThat(Negations.deniedShare(Set.of("验证"), "不经 Gateway 验证")).isEqualTo(1.0);
    }

    @Test
    void aNegationFartherAwayOrInAnotherClauseDeniesNothing() {
        assertThat(Negations.deniedShare(Set.of("影响"), "问题不大，影响登录")).isZero();
        assertThat(Negations.deniedShare(Set.of("grpc"), "不需要改造，inventory-service 使用 gRPC")).isZero();
        assertThat(Negations.deniedShare(Set.of("graphql"), "We did not migrate, we still use GraphQL")).isZero();
        assertThat(Negations.deniedShare(Set.of("graphql"), "Not really; GraphQL serves every client")).isZero();
    }

    @Test
    void englishWordsWithinThreeWordsOfANegationAreDenied() {
        assertThat(Negations.deniedShare(Set.of("graphql"), "We never used GraphQL for the public API")).isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("affected"), "The search service isn't affected by the change"))
                .isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("grpc"), "The mobile app does not support gRPC yet")).isEqualTo(1.0);
        assertThat(Negations.deniedShare(Set.of("grpc"), "It is not only fast, it also speaks gRPC natively")).isZero();
    }

    @Test
    void theShareCountsOnlyTheQueryWordsTheMemoryContains() {
        assertThat(Negations.deniedShare(Set.of("payment", "grpc", "kafka"), "payment-service does not use gRPC"))
                .isEqualTo(0.5);
        assertThat(Negations.deniedShare(Set.of("kafka"), "payment-service does not use gRPC")).isZero();
    }

    @Test
    void wordsTheQueryItselfDeniesAreNotCheckedAgainstMemories() {
        assertThat(Negations.affirmedIn("哪些服务不支持 grpc？", Set.of("服务", "grpc"))).containsExactly("服务");
        assertThat(Negations.affirmedIn("which services don't use grpc?", Set.of("services", "grpc", "use")))
                .containsExactly("services");
        assertThat(Negations.affirmedIn("哪些服务在用 grpc？", Set.of("grpc"))).containsExactly("grpc");
    }
}
