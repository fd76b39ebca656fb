package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A plain (JMH-free) micro benchmark of the in-process index: build, nearest and keyword at 10k and 100k
 * synthetic 384-d rows, plus an incremental refresh. Prints timings; asserts nothing.
 * Run through {@link IndexBenchmarkTest} (see there) or directly with {@code main}.
 */
public final class IndexBenchmark {

    private static final int DIMENSION = 384;
    private static final int WARMUP = 30;
    private static final int RUNS = 100;
    private static final String[] CHINESE = {"用户", "喜欢", "绿茶", "咖啡", "上海", "北京", "项目", "部署", "会议",
            "周末", "跑步", "医生", "生日", "猫", "狗", "旅行", "工作", "学习", "电影", "音乐"};

    private IndexBenchmark() {
    }

    public static void main(String[] args) {
        for (int size : new int[] {10_000, 100_000}) {
            run(size);
        }
    }

    private static void run(int size) {
        Random random = new Random(size);
        String[] vocabulary = vocabulary(random, 20_000);
        FakeIndexSource source = new FakeIndexSource();
        BranchRef branch = BranchRef.main("bench");
        source.commit(branch, c -> {
            for (int i = 0; i < size; i++) {
                c.add(row(random, vocabulary, "m" + i));
            }
        });
        InProcessMemorySearch search = new InProcessMemorySearch(source, 4);

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        search.nearest(branch, ReadPoint.HEAD, Rows.randomUnit(random, DIMENSION), MemoryFilter.ALL, 10);
        long buildNanos = System.nanoTime() - start;
        System.gc();
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();

        MemoryFilter sessionFilter = MemoryFilter.ALL.withSession(SessionFilter.orUnscoped("s3"));
        float[][] queries = new float[WARMUP + RUNS][];
        String[] texts = new String[WARMUP + RUNS];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = Rows.randomUnit(random, DIMENSION);
            texts[i] = sentence(random, vocabulary, 6);
        }
        double[] nearest = time(i -> search.nearest(branch, ReadPoint.HEAD, queries[i], MemoryFilter.ALL, 60));
        double[] nearestFiltered = time(i -> search.nearest(branch, ReadPoint.HEAD, queries[i], sessionFilter, 60));
        double[] keyword = time(i -> search.keyword(branch, ReadPoint.HEAD, texts[i], MemoryFilter.ALL, 60));
        double[] keywordFiltered = time(i -> search.keyword(branch, ReadPoint.HEAD, texts[i], sessionFilter, 60));
        double[] refresh = time(i -> {
            source.commit(branch, c -> c.add(row(random, vocabulary, "new" + i)).replace(row(random, vocabulary,
                    "m" + random.nextInt(size))));
            search.keyword(branch, ReadPoint.HEAD, "tea", MemoryFilter.ALL, 10);
        });

        System.out.printf(Locale.ROOT, "%,d rows x %d-d: build %.0f ms, heap +%.0f MB%n", size, DIMENSION,
                buildNanos / 1e6, (usedAfter - usedBefore) / 1e6);
        print("nearest k=60", nearest);
        print("nearest k=60 session filter", nearestFiltered);
        print("keyword k=60 (6 words)", keyword);
        print("keyword k=60 session filter", keywordFiltered);
        print("refresh after 1 add + 1 replace", refresh);
    }

    private interface Op {
        void run(int i);
    }

    private static double[] time(Op op) {
        for (int i = 0; i < WARMUP; i++) {
            op.run(i);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            op.run(WARMUP + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "  %-34s median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", label,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1]);
    }

    private static IndexRow row(Random random, String[] vocabulary, String id) {
        String content = sentence(random, vocabulary, 8 + random.nextInt(20));
        String session = random.nextInt(4) == 0 ? null : "s" + random.nextInt(10);
        return new IndexRow(id, content, MemoryType.values()[random.nextInt(MemoryType.values().length)],
                TrustTier.values()[random.nextInt(4)], session, null, Map.of("source", "bench"),
                Rows.randomUnit(random, DIMENSION));
    }

    /** Words drawn with a Zipf-like skew, one in five Chinese, like real notes. */
    private static String sentence(Random random, String[] vocabulary, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (random.nextInt(5) == 0) {
                text.append(CHINESE[random.nextInt(CHINESE.length)]);
            } else {
                double u = random.nextDouble();
                text.append(vocabulary[(int) (vocabulary.length * u * u * u)]);
            }
            text.append(' ');
        }
        return text.toString();
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            char[] chars = new char[3 + random.nextInt(7)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(chars);
        }
        words[0] = "tea";
        return words;
    }
}
