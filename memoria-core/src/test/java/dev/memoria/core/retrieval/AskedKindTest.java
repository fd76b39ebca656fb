package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.memoria.core.retrieval.TestMemories.memory;
import static org.assertj.core.api.Assertions.assertThat;

class AskedKindTest {

    @Test
    void aChineseQuestionForServicesIsAnsweredByNotesNamingAServiceIdentifier() {
        AskedKind services = AskedKind.of("哪些服务在用 gRPC？");

        assertThat(services.namesMember("inventory-service 使用 gRPC 做内部服务通信")).isTrue();
        assertThat(services.namesMember("PaymentService 也用 gRPC")).isTrue();
        assertThat(services.namesMember("服务间认证使用 mTLS，所有 gRPC 调用都需要客户端证书。")).isFalse();
        assertThat(services.namesMember("gRPC proto 文件统一管理在 proto-registry 仓库")).isFalse();
    }

    @Test
    void theQuestionsOwnNamesAreNotAnswers() {
        AskedKind services = AskedKind.of("哪些服务依赖 auth-service？");

        assertThat(services.namesMember("auth-service 使用 jsonwebtoken v8.5.1")).isFalse();
        assertThat(services.namesMember("notification-service 依赖 auth-service 验证用户身份")).isTrue();
    }

    @Test
    void aLongerKindWordIsNotTakenForItsPrefix() {
        AskedKind servers = AskedKind.of("哪些服务器在跑 Redis？");

        assertThat(servers.namesMember("cache-server-01 上跑着 Redis")).isTrue();
        assertThat(servers.namesMember("search-service 通过 Redis 缓存")).isFalse();
    }

    @Test
    void englishQuestionsAskForTheSingularKind() {
        AskedKind services = AskedKind.of("Which services call the Ledger API?");

        assertThat(services.namesMember("The billing-service calls it nightly")).isTrue();
        assertThat(services.namesMember("The Ledger API has rate limits")).isFalse();
        assertThat(AskedKind.of("Which libraries does checkout-web use?").namesMember("It bundles date-lib 2.1"))
                .isTrue();
    }

    @Test
    void questionsForNoKnownKindOrNamingNothingHaveNoAskedKind() {
        assertThat(AskedKind.of("gRPC 的证书放在哪里？")).isSameAs(AskedKind.NONE);
        assertThat(AskedKind.of("哪些人负责 auth-service？")).isSameAs(AskedKind.NONE);
        assertThat(AskedKind.of("哪些服务最近出过故障？")).isSameAs(AskedKind.NONE);
        assertThat(AskedKind.NONE.namesMember("inventory-service")).isFalse();
    }

    @Test
    void memoriesNamingNoMemberAreNotAnswersOnlyWhenEnoughAboutTheNamedThingNameOne() {
        AskedKind services = AskedKind.of("哪些服务在用 gRPC？");
        var inventory = memory("m1", "inventory-service 使用 gRPC");
        var analytics = memory("m2", "analytics-service 使用 gRPC 拉取数据");
        var certificates = memory("m3", "所有 gRPC 调用都需要客户端证书");
        var unrelatedMember = memory("m4", "search-service 使用 Elasticsearch");

        assertThat(services.notAnswering(List.of(inventory, analytics, certificates, unrelatedMember), 2))
                .containsExactly("m3");
        // only one member mentions gRPC: a service may go by a name that does not say it is one
        assertThat(services.notAnswering(List.of(inventory, certificates, unrelatedMember), 2)).isEmpty();
    }
}
