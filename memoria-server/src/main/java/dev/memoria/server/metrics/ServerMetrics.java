package dev.memoria.server.metrics;

import dev.memoria.core.Memoria;
import dev.memoria.ports.out.StorageTotals;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything {@code /metrics} exposes, in Prometheus format: HTTP requests by route template and status,
 * in-flight requests, embedding time and errors, store sizes (cached briefly: they cost a query each) and the
 * JVM. Other components add their own meters to {@link #registry()}.
 */
public final class ServerMetrics {

    private static final String START = "memoria.request.start";
    private static final Duration TOTALS_TTL = Duration.ofSeconds(15);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicReference<CachedTotals> totals = new AtomicReference<>();
    private final String instanceId;

    private record CachedTotals(StorageTotals totals, Instant at) {
    }

    public ServerMetrics(String instanceId, String version) {
        this.instanceId = instanceId;
        registry.config().commonTags("instance", instanceId);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("memoria_version", () -> 1).tag("version", version).register(registry);
        Gauge.builder("memoria_http_requests_inflight", inflight, AtomicInteger::get).register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Store sizes (see {@link StoreSizes}), read through the facade at most every {@link #TOTALS_TTL}. */
    public void bindStorage(Memoria memoria) {
        registry.getPrometheusRegistry().register(new StoreSizes(() -> totals(memoria), instanceId));
    }

    /**
     * Counts a refused authentication by its reason code ({@code missing_token}, {@code invalid_token}); the
     * existing service's {@code memoria_auth_failures_total}.
     */
    public void authenticationFailed(String reason) {
        Counter.builder("memoria_auth_failures").tag("reason", reason).register(registry).increment();
    }

    /**
     * Cluster coordination: locks currently held (by any instance), async tasks by status (cluster-wide, from the
     * shared table) and this instance's governance counters. Read at most every {@link #TOTALS_TTL}.
     */
    public void bindCluster(Memoria memoria) {
        Gauge.builder("memoria_locks_held", () -> cached("locks", () -> (double) memoria.cluster().status().locks()
                .stream().filter(l -> !l.expired()).count())).register(registry);
        Gauge.builder("memoria_cluster_leader", () -> cached("leader",
                () -> memoria.cluster().status().leader() ? 1.0 : 0.0)).register(registry);
        for (String status : new String[]{"processing", "completed", "failed"}) {
            Gauge.builder("memoria_async_tasks", () -> cached("tasks." + status, () ->
                            memoria.tasks().countByStatus().getOrDefault(status, 0L).doubleValue()))
                    .tag("status", status).register(registry);
        }
        this.governanceCounters = () -> memoria.governance().metrics().snapshot();
    }

    private final Map<String, CachedValue> values = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Long>> governanceCounters = Map::of;

    private record CachedValue(double value, Instant at) {
    }

    private double cached(String key, DoubleSupplier read) {
        CachedValue cached = values.get(key);
        Instant now = Instant.now();
        if (cached == null || cached.at().plus(TOTALS_TTL).isBefore(now)) {
            try {
                cached = new CachedValue(read.getAsDouble(), now);
                values.put(key, cached);
            } catch (RuntimeException unavailable) {
                return cached == null ? 0 : cached.value();
            }
        }
        return cached.value();
    }

    /** Governance counters appear as they are first incremented, e.g. {@code governance.quarantined_count}. */
    private void registerGovernanceCounters() {
        Map<String, Long> snapshot = governanceCounters.get();
        for (String name : snapshot.keySet()) {
            String metric = "memoria_" + name.replace('.', '_').replaceAll("[^A-Za-z0-9_]", "_");
            FunctionCounter.builder(metric, governanceCounters,
                    counters -> counters.get().getOrDefault(name, 0L).doubleValue()).register(registry);
        }
    }

    private StorageTotals totals(Memoria memoria) {
        CachedTotals cached = totals.get();
        Instant now = Instant.now();
        if (cached == null || cached.at().plus(TOTALS_TTL).isBefore(now)) {
            try {
                cached = new CachedTotals(memoria.totals(), now);
                totals.set(cached);
            } catch (RuntimeException unavailable) {
                // a scrape while the database is down reports the last known sizes (or zero) instead of failing
                return cached == null ? StorageTotals.EMPTY : cached.totals();
            }
        }
        return cached.totals();
    }

    public void requestStarted(Context ctx) {
        inflight.incrementAndGet();
        ctx.attribute(START, System.nanoTime());
    }

    public void requestFinished(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        inflight.decrementAndGet();
        // the route template, never the raw path: ids in paths would explode the number of series
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("memoria_http_request_duration_seconds")
                .tag("method", methodLabel(ctx.method().name()))
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** HTTP methods a client can make up become one label: a label per invented method would grow without bound. */
    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) ? method : "OTHER";
    }

    public String scrape() {
        registerGovernanceCounters();
        return registry.scrape();
    }
}
