package dev.memoria.it.jmh;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the hot-path benchmarks with settings sized for a small shared machine: one fork, two 1 s warm-ups and
 * three 1 s measurements per benchmark; these override the classes' own iteration annotations, while mode and
 * time unit come from each class. Arguments are regular expressions
 * of benchmarks to include, e.g. {@code MemoryJson} or {@code IndexSearch.nearest}; none runs them all.
 * A JSON copy of the results goes to {@code jmh-result.json} in the working directory.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON)
                .result("jmh-result.json");
        if (args.length == 0) {
            options.include(BenchmarkMain.class.getPackageName() + ".*Benchmark");
        }
        for (String pattern : args) {
            options.include(pattern);
        }
        new Runner(options.build()).run();
    }
}
