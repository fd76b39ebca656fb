package dev.memoria.core.governance.plugin;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plugin is: its key and semantic version, the domain it governs ({@code governance}), its runtime —
 * {@code policy} (pure data: the package's policy is the plugin) or {@code remote} (an HTTP endpoint consulted
 * for a policy at each run; the package's policy is what the endpoint's answer is laid over) — and which Memoria
 * builds it is written for.
 */
public record PluginManifest(String key, Semver version, String domain, String runtime, String description,
                             Compatibility compatibility, Remote remote) {

    public static final String DOMAIN_GOVERNANCE = "governance";
    public static final String RUNTIME_POLICY = "policy";
    public static final String RUNTIME_REMOTE = "remote";
    public static final String API_VERSION = "v1";

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /**
     * @param apiVersion the plugin API the package is written against ({@code v1})
     * @param minMemoria lowest Memoria release it supports (inclusive), or null
     * @param maxMemoria highest Memoria release it supports (inclusive), or null
     */
    public record Compatibility(String apiVersion, Semver minMemoria, Semver maxMemoria) {
    }

    /** Where a remote plugin answers, and how long a run waits for it before using the built-in policy. */
    public record Remote(String endpoint, Duration timeout) {
    }

    static PluginManifest from(Map<String, Object> raw) {
        Fields f = new Fields(raw, "manifest").only(Set.of("key", "version", "domain", "runtime", "description",
                "compatibility", "remote"));
        String key = f.requiredString("key");
        if (!KEY.matcher(key).matches()) {
            throw Fields.invalid("manifest.key must be 3-64 characters of a-z, 0-9 and '-', starting with a letter "
                    + "or digit; got '" + key + "'");
        }
        Semver version = Semver.parse(f.requiredString("version"));
        String domain = f.requiredString("domain");
        if (!DOMAIN_GOVERNANCE.equals(domain)) {
            throw Fields.invalid("manifest.domain must be \"governance\" (the only plugin domain), got '" + domain + "'");
        }
        String runtime = f.requiredString("runtime");
        if (!RUNTIME_POLICY.equals(runtime) && !RUNTIME_REMOTE.equals(runtime)) {
            throw Fields.invalid("manifest.runtime must be \"policy\" or \"remote\", got '" + runtime + "'");
        }
        Fields c = f.object("compatibility").only(Set.of("api", "min_memoria", "max_memoria"));
        String api = c.string("api") == null ? API_VERSION : c.string("api");
        Compatibility compatibility = new Compatibility(api,
                c.string("min_memoria") == null ? null : Semver.parse(c.string("min_memoria")),
                c.string("max_memoria") == null ? null : Semver.parse(c.string("max_memoria")));
        Remote remote = null;
        if (RUNTIME_REMOTE.equals(runtime)) {
            Fields r = f.object("remote").only(Set.of("endpoint", "timeout_ms"));
            String endpoint = r.requiredString("endpoint");
            if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
                throw Fields.invalid("manifest.remote.endpoint must be an http(s) URL");
            }
            Long timeout = r.whole("timeout_ms", 100, 60_000);
            remote = new Remote(endpoint, Duration.ofMillis(timeout == null ? 5_000 : timeout));
        } else if (f.has("remote")) {
            throw Fields.invalid("manifest.remote is only allowed with runtime \"remote\"");
        }
        return new PluginManifest(key, version, domain, runtime, f.string("description"), compatibility, remote);
    }
}
