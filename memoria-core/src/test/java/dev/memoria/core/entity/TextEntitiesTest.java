package dev.memoria.core.entity;

import dev.memoria.ports.model.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextEntitiesTest {

    private static List<String> names(String text) {
        return TextEntities.in(text).stream().map(e -> e.name() + ":" + e.entityType()).toList();
    }

    @Test
    void technologiesAreFoundInLowerCaseButOnlyAsWholeWords() {
        assertThat(names("we deploy with docker and terraform")).contains("docker:tech", "terraform:tech");
        assertThat(names("a good morning")).doesNotContain("go:tech");
    }

    @Test
    void capitalisedWordsAreNamesUnlessTheyAreFunctionWordsOrShouting() {
        assertThat(names("Alice says The PostgreSQL upgrade uses JWT on Monday"))
                .contains("alice:tech", "postgresql:tech", "jwt:tech")
                .doesNotContain("the:tech", "monday:tech");
        assertThat(names("DISKFULLNOW ABC-123")).isEmpty();
    }

    @Test
    void latinNamesInChineseTextAreFoundWithoutSpaces() {
        assertThat(names("由Alice负责，API Gateway（Kong 3.4）统一做认证"))
                .contains("alice:tech", "api:tech", "gateway:tech", "kong:tech");
    }

    @Test
    void mentionsArePeopleButAnAddressIsNotAMention() {
        assertThat(names("升级需要 @李娜 和 @bob.k 协调。")).contains("李娜:person", "bob.k:person");
        assertThat(names("mail ops@example.org")).doesNotContain("example.org:person");
        assertThat(names("@Alice reviews it")).contains("alice:person").doesNotContain("alice:tech");
    }

    @Test
    void ownerSlashRepoIsARepositoryButUrlsAndDatesAreNot() {
        assertThat(names("see matrixorigin/memoria for details")).contains("matrixorigin/memoria:repo");
        assertThat(names("https://github.com/a/b and 2024/11")).noneMatch(n -> n.endsWith(":repo"));
    }

    @Test
    void componentNamesAndBacktickedTermsAreProjects() {
        assertThat(names("auth-service 使用 jsonwebtoken，web-app 调用 `token_cache`"))
                .contains("auth-service:project", "web-app:project", "token_cache:project");
        assertThat(names("a well-known long-term fix")).isEmpty();
    }

    @Test
    void theFirstRuleToFindANameSetsItsTypeAndTheDisplayKeepsItsCase() {
        List<Entity> found = TextEntities.in("Docker and docker again, then PaymentService");
        assertThat(found).filteredOn(e -> e.name().equals("docker")).singleElement()
                .extracting(Entity::entityType).isEqualTo("tech");
        assertThat(found).filteredOn(e -> e.name().equals("paymentservice")).singleElement()
                .extracting(Entity::displayName).isEqualTo("PaymentService");
    }

    @Test
    void textWithoutNamesHasNoEntities() {
        assertThat(TextEntities.in("周四团建，密室逃脱")).isEmpty();
        assertThat(TextEntities.in("")).isEmpty();
    }
}
