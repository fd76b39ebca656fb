package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.SessionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordSearchTest {

    private static final BranchRef MAIN = BranchRef.main("alice");

    private final FakeIndexSource source = new FakeIndexSource();
    private final InProcessMemorySearch search = new InProcessMemorySearch(source, 8);

    private List<ScoredId> keyword(String query, MemoryFilter filter, int k) {
        return search.keyword(MAIN, ReadPoint.HEAD, query, filter, k);
    }

    private List<String> ids(String query) {
        return keyword(query, MemoryFilter.ALL, 10).stream().map(ScoredId::memoryId).toList();
    }

    @Test
    void stemsEnglishWords() {
        source.add(MAIN, Rows.text("run", "I run every morning"), Rows.text("swim", "Swimming is fun"),
                Rows.text("cats", "The user's cats are called Tom and Jerry"));

        assertThat(ids("running")).containsExactly("run");
        assertThat(ids("RUNS")).containsExactly("run");
        assertThat(ids("swim")).containsExactly("swim");
        assertThat(ids("cat")).containsExactly("cats");
        assertThat(ids("user")).containsExactly("cats");
    }

    @Test
    void anyWordMayMatchAndMoreMatchingWordsRankHigher() {
        source.add(MAIN, Rows.text("both", "user likes green tea"), Rows.text("tea", "black tea in the morning"),
                Rows.text("green", "green walls"), Rows.text("none", "nothing relevant"));

        List<ScoredId> hits = keyword("green tea", MemoryFilter.ALL, 10);

        assertThat(hits).extracting(ScoredId::memoryId).startsWith("both")
                .containsExactlyInAnyOrder("both", "tea", "green");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isPositive());
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void chineseQueryMatchesChineseContent() {
        source.add(MAIN, Rows.text("tea", "用户喜欢喝绿茶，不喜欢咖啡"), Rows.text("city", "用户住在上海浦东"),
                Rows.text("en", "user lives in Shanghai"));

        assertThat(ids("喜欢绿茶")).first().isEqualTo("tea");
        assertThat(ids("上海")).containsExactly("city");
        assertThat(ids("他住在哪里")).containsExactly("city");
        assertThat(ids("茶")).containsExactly("tea"); // a single character matches the indexed unigram
    }

    @Test
    void japaneseIsSplitIntoDictionaryWords() {
        source.add(MAIN, Rows.text("hotel", "ホテルの予約は金曜日です"), Rows.text("meeting", "会議は月曜日の午後です"),
                Rows.text("train", "新幹線の切符を買いました"));

        assertThat(ids("ホテルの予約")).first().isEqualTo("hotel");
        assertThat(ids("新幹線")).containsExactly("train");
        assertThat(ids("切符はどこ")).first().isEqualTo("train");
    }

    @Test
    void mixedLanguageTextAndFullWidthCharacters() {
        source.add(MAIN, Rows.text("mixed", "项目使用 Kubernetes 部署"), Rows.text("other", "docker compose setup"),
                Rows.text("wide", "ＡＢＣ公司的合同"));

        assertThat(ids("kubernetes 部署")).containsExactly("mixed");
        assertThat(ids("部署 docker")).containsExactlyInAnyOrder("mixed", "other");
        assertThat(ids("abc")).containsExactly("wide");
    }

    @Test
    void filterIsAppliedBeforeTopK() {
        for (int i = 0; i < 30; i++) {
            // the unscoped rows repeat the word and would win without the filter
            source.add(MAIN, Rows.text("u" + i, "coffee coffee coffee"));
        }
        for (int i = 0; i < 5; i++) {
            source.add(MAIN, Rows.withSession(Rows.text("s" + i, "coffee and a long sentence about other things"),
                    "s1"));
        }

        List<ScoredId> hits = keyword("coffee", MemoryFilter.ALL.withSession(SessionFilter.exactly("s1")), 3);

        assertThat(hits).hasSize(3).extracting(ScoredId::memoryId).allMatch(id -> id.startsWith("s"));
        assertThat(keyword("coffee", MemoryFilter.ALL, 3)).extracting(ScoredId::memoryId)
                .allMatch(id -> id.startsWith("u"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND OR \"( * ?", "\"", "(", "*:*", "title:foo~2^3", "a AND", "[1 TO 5]", "\\",
            "!!!", "   ", "", "the and of", "+-&&||!(){}[]^\"~*?:\\/"})
    void syntaxAndPunctuationNeverThrow(String query) {
        source.add(MAIN, Rows.text("a", "foo title and the thing"));

        assertThat(keyword(query, MemoryFilter.ALL, 5)).allSatisfy(hit -> assertThat(hit.score()).isPositive());
    }

    @Test
    void queryWithoutSearchableTermsIsEmpty() {
        source.add(MAIN, Rows.text("a", "and or not the"));

        assertThat(ids("AND OR \"( * ?")).isEmpty();
        assertThat(ids("...,,;")).isEmpty();
        assertThat(keyword(null, MemoryFilter.ALL, 5)).isEmpty();
    }

    @Test
    void syntaxCharactersAroundWordsAreIgnored() {
        source.add(MAIN, Rows.text("a", "foo bar"));

        assertThat(ids("title:foo~2^3")).containsExactly("a");
        assertThat(ids("\"bar*")).containsExactly("a");
    }

    @Test
    void veryLongQueriesAreCapped() {
        source.add(MAIN, Rows.text("a", "word1 word2"));
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            query.append("word").append(i).append(' ');
        }

        assertThat(ids(query.toString())).containsExactly("a");
    }
}
