package dev.memoria.core.retrieval;

import dev.memoria.core.retrieval.AssociativeExpansion.Scored;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.memoria.core.retrieval.TestMemories.memory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnchoredTargetsTest {

    private static final String QUERY = "Alice 负责的模块有什么安全漏洞？";

    /** Alice's module, the library it uses, and the library's CVE; plus notes that do not touch Alice's modules. */
    private final List<Scored> pool = pool(
            "Alice 是认证团队的 tech lead，负责 auth-service 模块。", 0.56,
            "Grace 是安全工程师，负责每季度的依赖审计。", 0.54,
            "auth-service 使用 jsonwebtoken v8.5.1 处理 JWT 签发。", 0.37,
            "jsonwebtoken v8.5.1 存在 CVE-2024-33531 漏洞，攻击者可伪造 token。", 0.29,
            "ClickHouse 集群出现过数据漏洞，已经修复。", 0.28,
            "Bob 负责 payment-service，使用 Stripe SDK。", 0.30,
            "Carol 负责 data-pipeline，使用 Spark。", 0.30,
            "Dave 负责 Kubernetes 集群。", 0.30,
            "Frank 负责 SRE 监控。", 0.30,
            "Iris 是产品经理，负责增长。", 0.30);

    @Test
    void aTargetChainedToTheNamedThingScoresLikeAMemoryReachedFromIt() {
        Map<String, Double> lifted = AnchoredTargets.of(QUERY, pool).lifts();

        // two links (auth-service, then jsonwebtoken) from Alice's note at 0.56, plus a share of its own score
        double expected = 0.56 * AssociativeExpansion.HOP_DECAY * AssociativeExpansion.HOP_DECAY + 0.3 * 0.29;
        assertThat(lifted).containsOnlyKeys("m3");
        assertThat(lifted.get("m3")).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aTargetWithNoChainToTheNamedThingAndTheBridgeItselfAreLeftAlone() {
        Map<String, Double> lifted = AnchoredTargets.of(QUERY, pool).lifts();

        assertThat(lifted).doesNotContainKeys("m4", "m2", "m1");
    }

    @Test
    void nothingChangesWhenTheQueryNamesNothingThePoolMentions() {
        assertThat(AnchoredTargets.of("Mallory 负责的模块有什么安全漏洞？", pool).lifts()).isEmpty();
        assertThat(AnchoredTargets.of("哪些模块有安全漏洞？", pool).lifts()).isEmpty();
    }

    @Test
    void wordsMostOfThePoolSharesDoNotMakeATarget() {
        // "负责" is in most notes: it does not single out an answer, so a chained note with only that word is no target
        List<Scored> owners = pool(
                "Alice 负责 auth-service。", 0.5,
                "auth-service 由 Bob 负责值班。", 0.3,
                "Carol 负责 Spark。", 0.3,
                "Dave 负责 Kubernetes。", 0.3,
                "Frank 负责 SRE。", 0.3);
        assertThat(AnchoredTargets.of("Alice 负责什么？", owners).lifts()).isEmpty();
    }

    @Test
    void withEnoughAboutTheNamedThingMemoriesAboutNeitherItNorTheRestAreUnrelated() {
        List<Scored> graphql = pool(
                "2025-Q1: 团队决定废弃 GraphQL，迁回 REST+OpenAPI。", 0.9,
                "2025-Q3: GraphQL 迁移完成，全面切回 REST。", 0.8,
                "GraphQL 相关的 npm 包已移除。", 0.8,
                "团队 API 设计规范：外部 API 用 REST+OpenAPI。", 0.5,
                "Kafka 集群有 3 个 broker。", 0.3);

        AnchoredTargets anchoring = AnchoredTargets.of("我们现在还在用 GraphQL 吗？", graphql);

        assertThat(anchoring.unrelated(3)).containsExactlyInAnyOrder("m3", "m4");
        assertThat(anchoring.unrelated(4)).as("too little about GraphQL to answer from").isEmpty();
        assertThat(AnchoredTargets.of("我们现在还在用什么？", graphql).unrelated(1)).as("no name").isEmpty();
    }

    @Test
    void anAcronymOfTheNamedPhraseMentionsIt() {
        List<Scored> rsc = pool("暂停使用 RSC，等 hydration 修复。", 0.5, "React 19 已上线。", 0.4,
                "周四团建。", 0.1);

        assertThat(AnchoredTargets.of("我们现在应该用 React Server Components 吗？", rsc).unrelated(2))
                .containsExactly("m2");
    }

    private static List<Scored> pool(Object... textsAndScores) {
        List<Scored> pool = new ArrayList<>();
        for (int i = 0; i < textsAndScores.length; i += 2) {
            pool.add(new Scored(memory("m" + i / 2, (String) textsAndScores[i]), (double) textsAndScores[i + 1]));
        }
        pool.sort((a, b) -> Double.compare(b.score(), a.score()));
        return pool;
    }
}
