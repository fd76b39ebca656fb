package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Revisions: incremental head refresh, past read points, LRU eviction, resets and compaction. */
class IndexRefreshTest {

    private static final BranchRef MAIN = BranchRef.main("alice");
    private static final float[] QUERY = Rows.unit(1, 0, 0, 0);

    private final FakeIndexSource source = new FakeIndexSource();
    private final InProcessMemorySearch search = new InProcessMemorySearch(source, 4);

    private static List<String> ids(List<ScoredId> hits) {
        return hits.stream().map(ScoredId::memoryId).toList();
    }

    private List<String> nearestIds(InProcessMemorySearch on, ReadPoint at) {
        return ids(on.nearest(MAIN, at, QUERY, MemoryFilter.ALL, 100));
    }

    private List<String> keywordIds(InProcessMemorySearch on, ReadPoint at, String query) {
        return ids(on.keyword(MAIN, at, query, MemoryFilter.ALL, 100));
    }

    @Test
    void servesTheCachedRevisionWithOneHeadQueryPerCall() {
        source.add(MAIN, Rows.full("a", "apple pie", Rows.unit(1, 0, 0, 0)));

        nearestIds(search, ReadPoint.HEAD);
        int headQueries = source.headQueries();
        nearestIds(search, ReadPoint.HEAD);
        keywordIds(search, ReadPoint.HEAD, "apple");

        assertThat(source.headQueries()).isEqualTo(headQueries + 2);
        assertThat(source.activeBuilds()).containsExactly(1L);
        assertThat(source.changeQueries()).isEmpty();
    }

    @Test
    void appliesAddEndAndReplaceIncrementallyAndMatchesAFullRebuild() {
        source.add(MAIN, Rows.full("a", "apple pie", Rows.unit(1, 0, 0, 0)),
                Rows.full("b", "banana bread", Rows.unit(0.9f, 0.1f, 0, 0)),
                Rows.full("c", "cherry tart", Rows.unit(0.5f, 0.5f, 0, 0)),
                Rows.full("d", "date cake", null));
        assertThat(nearestIds(search, ReadPoint.HEAD)).containsExactly("a", "b", "c");

        source.add(MAIN, Rows.full("e", "elderberry apple jam", Rows.unit(0.95f, 0, 0.05f, 0)));
        source.commit(MAIN, c -> c.end("b"));
        source.commit(MAIN, c -> c.replace(Rows.full("a", "apricot crumble", Rows.unit(0, 1, 0, 0))));
        // within one range: a memory added then ended, and one replaced twice
        source.commit(MAIN, c -> c.add(Rows.full("f", "fig apple", Rows.unit(1, 0, 0, 0))));
        source.commit(MAIN, c -> c.end("f").replace(Rows.full("c", "cherry apple", Rows.unit(0.8f, 0, 0, 0.2f))));
        source.commit(MAIN, c -> c.replace(Rows.full("c", "cherry apple pie", Rows.unit(0.7f, 0, 0, 0.3f))));

        List<ScoredId> incrementalNearest = search.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 100);
        List<String> incrementalKeyword = keywordIds(search, ReadPoint.HEAD, "apple apricot banana");

        assertThat(source.activeBuilds()).containsExactly(1L);
        assertThat(source.changeQueries()).containsExactly(new FakeIndexSource.Range(MAIN, 1, 7));
        InProcessMemorySearch rebuilt = new InProcessMemorySearch(source, 4);
        assertThat(incrementalNearest)
                .isEqualTo(rebuilt.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 100));
        assertThat(ids(incrementalNearest)).containsExactly("e", "c", "a");
        assertThat(incrementalKeyword).containsExactlyInAnyOrderElementsOf(
                keywordIds(rebuilt, ReadPoint.HEAD, "apple apricot banana"));
        assertThat(incrementalKeyword).containsExactlyInAnyOrder("a", "c", "e");
        assertThat(keywordIds(search, ReadPoint.HEAD, "banana fig crumble")).containsExactly("a");
    }

    @Test
    void randomHistoriesRefreshedStepByStepEqualFullRebuilds() {
        Random random = new Random(42);
        int ownBuilds = 0;
        for (int step = 0; step < 40; step++) {
            source.commit(MAIN, c -> {
                for (int op = 0; op < 1 + random.nextInt(4); op++) {
                    String id = "m" + random.nextInt(30);
                    float[] vector = random.nextInt(5) == 0 ? null : Rows.randomUnit(random, 4);
                    String content = "word" + random.nextInt(10) + " word" + random.nextInt(10);
                    switch (random.nextInt(3)) {
                        case 0 -> c.end(id);
                        default -> c.replace(Rows.full(id, content, vector));
                    }
                }
            });
            if (random.nextBoolean()) {
                continue; // let several revisions accumulate into one refresh
            }
            int buildsBefore = source.activeBuilds().size();
            List<ScoredId> incremental = search.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 100);
            ownBuilds += source.activeBuilds().size() - buildsBefore;
            InProcessMemorySearch fresh = new InProcessMemorySearch(source, 1);
            assertThat(incremental).isEqualTo(fresh.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 100));
            String query = "word" + random.nextInt(10);
            assertThat(keywordIds(search, ReadPoint.HEAD, query))
                    .containsExactlyInAnyOrderElementsOf(keywordIds(fresh, ReadPoint.HEAD, query));
        }
        assertThat(ownBuilds).as("only the first refresh builds from scratch").isEqualTo(1);
    }

    @Test
    void pastReadPointSeesOldStateWhileHeadSeesNew() {
        long first = source.add(MAIN, Rows.full("a", "apple", Rows.unit(1, 0, 0, 0)));
        nearestIds(search, ReadPoint.HEAD);
        source.commit(MAIN, c -> c.end("a").add(Rows.full("b", "banana", Rows.unit(1, 0, 0, 0))));

        assertThat(nearestIds(search, ReadPoint.HEAD)).containsExactly("b");
        assertThat(nearestIds(search, ReadPoint.at(first))).containsExactly("a");
        assertThat(keywordIds(search, ReadPoint.at(first), "apple banana")).containsExactly("a");
        assertThat(keywordIds(search, ReadPoint.HEAD, "apple banana")).containsExactly("b");
        // the past index is built once and then served from the cache
        nearestIds(search, ReadPoint.at(first));
        assertThat(source.activeBuilds()).containsExactly(first, first);
    }

    @Test
    void pastReadPointAtTheCachedHeadRevisionReusesTheHeadIndex() {
        long revision = source.add(MAIN, Rows.full("a", "apple", Rows.unit(1, 0, 0, 0)));
        nearestIds(search, ReadPoint.HEAD);

        assertThat(nearestIds(search, ReadPoint.at(revision))).containsExactly("a");
        assertThat(source.activeBuilds()).containsExactly(revision);
    }

    @Test
    void branchesAndUsersAreSeparate() {
        BranchRef other = new BranchRef("alice", "feature");
        BranchRef bob = BranchRef.main("bob");
        source.add(MAIN, Rows.full("a", "apple", Rows.unit(1, 0, 0, 0)));
        source.add(other, Rows.full("b", "apple", Rows.unit(1, 0, 0, 0)));
        source.add(bob, Rows.full("c", "apple", Rows.unit(1, 0, 0, 0)));

        assertThat(ids(search.keyword(other, ReadPoint.HEAD, "apple", MemoryFilter.ALL, 5))).containsExactly("b");
        assertThat(ids(search.keyword(bob, ReadPoint.HEAD, "apple", MemoryFilter.ALL, 5))).containsExactly("c");
        assertThat(keywordIds(search, ReadPoint.HEAD, "apple")).containsExactly("a");
    }

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        InProcessMemorySearch small = new InProcessMemorySearch(source, 2);
        BranchRef b1 = BranchRef.main("u1");
        BranchRef b2 = BranchRef.main("u2");
        BranchRef b3 = BranchRef.main("u3");
        for (BranchRef branch : List.of(b1, b2, b3)) {
            source.add(branch, Rows.full(branch.userId(), "apple", Rows.unit(1, 0, 0, 0)));
        }

        small.nearest(b1, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 5);
        small.nearest(b2, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 5);
        small.nearest(b1, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 5); // b1 is now the most recent
        small.nearest(b3, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 5); // evicts b2
        assertThat(source.activeBuilds()).hasSize(3);
        assertThat(small.cachedEntries()).isEqualTo(2);

        small.nearest(b1, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 5);
        assertThat(source.activeBuilds()).hasSize(3);
        assertThat(ids(small.keyword(b2, ReadPoint.HEAD, "apple", MemoryFilter.ALL, 5))).containsExactly("u2");
        assertThat(source.activeBuilds()).hasSize(4);
        assertThat(small.cachedEntries()).isEqualTo(2);
    }

    @Test
    void evictedSnapshotsRemainSearchableByRequestsHoldingThem() {
        InProcessMemorySearch tiny = new InProcessMemorySearch(source, 1);
        long revision = source.add(MAIN, Rows.full("a", "apple", Rows.unit(1, 0, 0, 0)));
        source.add(MAIN, Rows.full("b", "banana", Rows.unit(1, 0, 0, 0)));

        for (int i = 0; i < 5; i++) {
            assertThat(ids(tiny.keyword(MAIN, ReadPoint.at(revision), "apple banana", MemoryFilter.ALL, 5)))
                    .containsExactly("a");
            assertThat(ids(tiny.keyword(MAIN, ReadPoint.HEAD, "apple banana", MemoryFilter.ALL, 5)))
                    .containsExactlyInAnyOrder("a", "b");
        }
        assertThat(tiny.cachedEntries()).isEqualTo(1);
    }

    @Test
    void rebuildsWhenTheHeadRevisionGoesBack() {
        source.add(MAIN, Rows.full("a", "apple", Rows.unit(1, 0, 0, 0)));
        source.add(MAIN, Rows.full("b", "banana", Rows.unit(1, 0, 0, 0)));
        assertThat(nearestIds(search, ReadPoint.HEAD)).containsExactly("a", "b");

        source.resetTo(MAIN, 1);

        assertThat(nearestIds(search, ReadPoint.HEAD)).containsExactly("a");
        assertThat(source.activeBuilds()).containsExactly(2L, 1L);
    }

    @Test
    void compactsWhenMostSlotsAreDead() {
        int count = CachedIndex.MIN_DEAD_BEFORE_COMPACTION + 100;
        source.commit(MAIN, c -> {
            for (int i = 0; i < count; i++) {
                c.add(Rows.full("m" + i, "apple " + i, Rows.unit(1, 0, 0, 0)));
            }
        });
        nearestIds(search, ReadPoint.HEAD);
        for (int round = 0; round < 3; round++) {
            String word = "round" + round;
            source.commit(MAIN, c -> {
                for (int i = 0; i < count; i++) {
                    c.replace(Rows.full("m" + i, word + " " + i, Rows.unit(1, 0, 0, 0)));
                }
            });
            assertThat(search.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, count * 2)).hasSize(count);
            assertThat(search.keyword(MAIN, ReadPoint.HEAD, word, MemoryFilter.ALL, count * 2)).hasSize(count);
        }

        // rounds 0 and 1 were incremental (dead slots not yet above the live count), round 2 compacted
        assertThat(source.activeBuilds()).containsExactly(1L, 4L);
        assertThat(source.changeQueries()).hasSize(2);
    }
}
