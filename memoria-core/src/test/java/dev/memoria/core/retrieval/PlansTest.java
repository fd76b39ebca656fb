package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlansTest {

    @Test
    void aChinesePlanReachesToTheEndOfItsClauseAndPastAColon() {
        assertThat(Plans.plannedShare(Set.of("grpc"), "shipping-service 使用 REST API，计划 2026-Q1 迁移到 gRPC。"))
                .isEqualTo(1.0);
        assertThat(Plans.plannedShare(Set.of("grpc", "服务"), "2026 年迁移计划：内部服务切到 gRPC，外部 API 保持 REST。"))
                .isEqualTo(1.0);
        assertThat(Plans.plannedShare(Set.of("kafka"), "预计下个季度把日志切到 Kafka")).isEqualTo(1.0);
    }

    @Test
    void aPlanInAnotherClauseOrAWordAlsoStatedPlainlyIsNotPlanned() {
        assertThat(Plans.plannedShare(Set.of("grpc"), "迁移计划已取消，inventory-service 现在使用 gRPC")).isZero();
        assertThat(Plans.plannedShare(Set.of("grpc"), "inventory-service 使用 gRPC；计划把 shipping-service 也迁到 gRPC"))
                .isZero();
        assertThat(Plans.plannedShare(Set.of("grpc"), "inventory-service 使用 gRPC")).isZero();
    }

    @Test
    void wordsThatContainACueButPlanNothingDoNotCount() {
        assertThat(Plans.plannedShare(Set.of("redis"), "部署前的准备工作包括备份 Redis")).isZero();
        assertThat(Plans.plannedShare(Set.of("redis"), "容量规划：Redis 集群 6 节点")).isZero();
        assertThat(Plans.plannedShare(Set.of("redis"), "计划外的停机：Redis 主节点宕机")).isZero();
    }

    @Test
    void englishPlansCountButAPredictionDoesNot() {
        assertThat(Plans.plannedShare(Set.of("kafka"), "We plan to migrate billing to Kafka next quarter"))
                .isEqualTo(1.0);
        assertThat(Plans.plannedShare(Set.of("kafka"), "The ledger will move to Kafka in May")).isEqualTo(1.0);
        assertThat(Plans.plannedShare(Set.of("kafka"), "Billing runs on Kafka. We plan to add metrics")).isZero();
        assertThat(Plans.plannedShare(Set.of("kafka"), "This will make Kafka lag visible")).isZero();
    }

    @Test
    void theShareCountsOnlyTheQueryWordsTheMemoryContains() {
        assertThat(Plans.plannedShare(Set.of("billing", "kafka", "grpc"), "billing plans to adopt Kafka"))
                .isEqualTo(0.5);
        assertThat(Plans.plannedShare(Set.of("redis"), "billing plans to adopt Kafka")).isZero();
    }

    @Test
    void questionsAboutPlansOrTheFutureAreRecognised() {
        assertThat(Plans.asksAboutFuture("shipping-service 计划什么时候迁移到 gRPC？")).isTrue();
        assertThat(Plans.asksAboutFuture("jsonwebtoken 升级会影响哪些团队？")).isTrue();
        assertThat(Plans.asksAboutFuture("Will we move to gRPC?")).isTrue();
        assertThat(Plans.asksAboutFuture("What is on the roadmap?")).isTrue();
        assertThat(Plans.asksAboutFuture("哪些服务在用 gRPC？")).isFalse();
        assertThat(Plans.asksAboutFuture("Which services use Kafka now?")).isFalse();
    }
}
