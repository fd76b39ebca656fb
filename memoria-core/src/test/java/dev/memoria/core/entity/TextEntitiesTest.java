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

    @Test
    void aLongTextKeepsOnlyTheFirstNamesItFinds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("Name").append(i).append(" met @person").append(i).append(". ");
        }
        List<Entity> found = TextEntities.in(text.toString());
        assertThat(found).hasSize(TextEntities.MAX_ENTITIES);
        assertThat(found.get(0).name()).isEqualTo("name0");
    }

    @Test
    void randomTextNeverMakesTheRulesThrowAndEveryNameIsUsable() {
        String[] pieces = {"@", "`", "/", "-", "service", "Alice", " ", "，", "。", "Node.js", "C++", "go", "😀",
                "\uD83D", "a/b", "ABC", "x-api", "\n", "é", "张伟"};
        java.util.Random random = new java.util.Random(20261126);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                if (random.nextInt(4) == 0) {
                    text.appendCodePoint(random.nextInt(0x2FFFF) + 1);
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            for (Entity entity : TextEntities.in(text.toString())) {
                assertThat(entity.name()).as("in %s", text).isEqualTo(entity.displayName().toLowerCase(java.util.Locale.ROOT));
                assertThat(entity.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .as("in %s", text).isGreaterThanOrEqualTo(2);
                assertThat(entity.displayName().length()).isLessThanOrEqualTo(128);
            }
        }
    }
}
