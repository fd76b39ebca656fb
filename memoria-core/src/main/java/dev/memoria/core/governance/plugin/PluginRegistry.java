package dev.memoria.core.governance.plugin;

import dev.memoria.core.json.Json;
import dev.memoria.core.MemoryIds;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.ForbiddenException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;
import dev.memoria.ports.out.PluginRegistryStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plugin lifecycle behind the master key: signers, publish (signature verified), review, score, binding rules,
 * the compatibility matrix and the audit trail. Every action — refused publishes included — is an audit event.
 */
public final class PluginRegistry {

    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_APPROVED = "approved";
    public static final Set<String> REVIEW_STATUSES = Set.of(STATUS_PENDING, STATUS_APPROVED, "rejected", "disabled");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BINDING = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9._:*-]{0,99}");

    private final PluginRegistryStore store;
    private final PluginHost host;
    private final Clock clock;

    public PluginRegistry(PluginRegistryStore store, PluginHost host, Clock clock) {
        this.store = store;
        this.host = host;
        this.clock = clock;
    }

    PluginRegistryStore store() {
        return store;
    }

    public PluginHost host() {
        return host;
    }

    // ---- signers

    /** Registers (or re-activates, with a possibly new key) a signer. */
    public PluginSigner registerSigner(String name, String publicKey, String actor) {
        actor = validActor(actor);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid_signer", "signer must be 1-64 characters of letters, digits, '.', "
                    + "'_' and '-'");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new InvalidInputException("missing_field", "missing field `public_key`");
        }
        String normalised = Ed25519.encode(Ed25519.publicKey(publicKey));
        Instant now = clock.instant();
        Instant created = store.signer(name).map(PluginSigner::createdAt).orElse(now);
        PluginSigner signer = new PluginSigner(name, "ed25519", normalised, true, created, now, actor);
        store.upsertSigner(signer);
        event("signer.registered", "ok", "signer " + name + " registered", null, null, null, actor);
        return signer;
    }

    /** Revokes a signer: its packages are refused at publish and no longer resolve. */
    public PluginSigner revokeSigner(String name, String actor) {
        actor = validActor(actor);
        PluginSigner old = store.signer(name).orElseThrow(() -> new NotFoundException("signer_not_found",
                "No plugin signer named " + name));
        PluginSigner revoked = new PluginSigner(old.name(), old.algorithm(), old.publicKey(), false, old.createdAt(),
                clock.instant(), actor);
        store.upsertSigner(revoked);
        event("signer.revoked", "ok", "signer " + name + " revoked", null, null, null, actor);
        return revoked;
    }

    public List<PluginSigner> signers() {
        return store.signers();
    }

    // ---- packages

    /**
     * Publishes a signed package as {@code pending}. Refused: malformed (422 {@code invalid_plugin}), unsigned (422
     * {@code plugin_unsigned}), unknown signer (403 {@code plugin_signer_unknown}), revoked signer (403
     * {@code plugin_signer_revoked}), a signature that does not match the contents (422
     * {@code plugin_signature_invalid}), or different contents under an existing version (409).
     */
    public PluginRecord publish(String json, String actor) {
        actor = validActor(actor);
        PluginPackage pkg = null;
        try {
            pkg = PluginPackage.parse(json);
            verify(pkg);
            return store(pkg, actor);
        } catch (MemoriaException e) {
            event("package.publish_refused", "failed", e.code() + ": " + e.getMessage(), pkg == null ? null
                    : pkg.manifest().key(), pkg == null ? null : pkg.manifest().version().toString(), null, actor);
            throw e;
        }
    }

    /** Checks the signature of a package against the registered signers (publish and every resolution). */
    void verify(PluginPackage pkg) {
        PluginPackage.Signature signature = pkg.signature();
        if (signature == null) {
            throw new InvalidInputException("plugin_unsigned", "The package is not signed: add a signature "
                    + "(`java -jar memoria-server.jar plugin sign`) from a registered signer");
        }
        if (!"ed25519".equals(signature.algorithm().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("unsupported_signature_algorithm",
                    "Signature algorithm " + signature.algorithm() + " is not supported (use ed25519)");
        }
        PluginSigner signer = store.signer(signature.signer()).orElseThrow(() -> new ForbiddenException(
                "plugin_signer_unknown", "Signer " + signature.signer() + " is not registered; register it with "
                + "POST /admin/plugins/signers first"));
        if (!signer.active()) {
            throw new ForbiddenException("plugin_signer_revoked", "Signer " + signer.name() + " has been revoked");
        }
        if (!Ed25519.verify(Ed25519.publicKey(signer.publicKey()), pkg.digest(), signature.value())) {
            throw new InvalidInputException("plugin_signature_invalid", "The signature does not match the package "
                    + "contents (sha256 " + pkg.digest() + "): the package was changed after signing, or signed "
                    + "with another key than " + signer.name() + "'s");
        }
    }

    private PluginRecord store(PluginPackage pkg, String actor) {
        PluginManifest m = pkg.manifest();
        String version = m.version().toString();
        Instant now = clock.instant();
        PluginRecord record = new PluginRecord(m.key(), version, m.domain(), m.runtime(), pkg.signature().signer(),
                pkg.digest(), pkg.signature().value(), pkg.canonicalContents(), STATUS_PENDING, "Awaiting review",
                null, null, now, actor, now);
        if (!store.insertPackage(record)) {
            PluginRecord existing = store.findPackage(m.key(), version).orElseThrow();
            if (existing.digest().equals(record.digest())) {
                return existing; // an identical re-publish is a no-op, so publishing is safe to retry
            }
            throw new ConflictException("plugin_version_exists", m.key() + "@" + version
                    + " is already published with other contents; publish a new version");
        }
        event("package.published", "ok", "published, awaiting review", m.key(), version, null, actor);
        return record;
    }

    public List<PluginRecord> list(String domain) {
        return store.packages(blankToNull(domain));
    }

    public PluginRecord find(String pluginKey, String version) {
        return store.findPackage(pluginKey, version).orElseThrow(() -> new NotFoundException("plugin_not_found",
                "No plugin " + pluginKey + "@" + version));
    }

    public PluginRecord review(String pluginKey, String version, String status, String notes, String actor) {
        actor = validActor(actor);
        if (status == null || !REVIEW_STATUSES.contains(status)) {
            throw new InvalidInputException("invalid_review_status", "status must be one of "
                    + new java.util.TreeSet<>(REVIEW_STATUSES));
        }
        PluginRecord updated = find(pluginKey, version).withReview(status, notes, clock.instant());
        store.updatePackage(updated);
        event("package.reviewed", status, notes == null ? "review: " + status : notes, pluginKey, version, null, actor);
        return updated;
    }

    public PluginRecord score(String pluginKey, String version, double score, String notes, String actor) {
        actor = validActor(actor);
        if (!Double.isFinite(score) || score < 0 || score > 100) {
            throw new InvalidInputException("invalid_score", "score must be between 0 and 100");
        }
        PluginRecord updated = find(pluginKey, version).withScore(score, notes, clock.instant());
        store.updatePackage(updated);
        event("package.scored", "ok", "score " + score + (notes == null ? "" : ": " + notes), pluginKey, version,
                null, actor);
        return updated;
    }

    /** The package of a stored record, parsed again from its canonical contents. */
    static PluginPackage packageOf(PluginRecord record) {
        return PluginPackage.fromDocument(Json.parseObject(record.document(), "stored plugin"))
                .withSignature(new PluginPackage.Signature(record.signer(), "ed25519", record.signature()));
    }

    // ---- bindings

    /** A binding rule as requested; null fields take their defaults. */
    public record BindingRequest(String bindingKey, String subjectKey, Integer priority, String pluginKey,
                                 String versionSelector, Integer rolloutPercent, String transportEndpoint) {
    }

    /**
     * Upserts a rule (unique by domain, binding, subject and priority). The selector must match at least one approved
     * version now, so a typo cannot silently leave the binding on the built-in policy.
     */
    public PluginBindingRule bind(String domain, BindingRequest request, String actor) {
        actor = validActor(actor);
        requireDomain(domain);
        String bindingKey = defaulted(request.bindingKey(), "default");
        String subjectKey = defaulted(request.subjectKey(), "*");
        for (String key : new String[]{bindingKey, subjectKey}) {
            if (!BINDING.matcher(key).matches()) {
                throw new InvalidInputException("invalid_binding", "binding and subject keys must be 1-100 "
                        + "characters of letters, digits, '.', '_', ':', '*' and '-'");
            }
        }
        int priority = request.priority() == null ? 100 : request.priority();
        if (priority < 0 || priority > 1_000_000) {
            throw new InvalidInputException("invalid_priority", "priority must be between 0 and 1000000");
        }
        int rollout = request.rolloutPercent() == null ? 100 : request.rolloutPercent();
        if (rollout < 1 || rollout > 100) {
            throw new InvalidInputException("invalid_rollout", "rollout_percent must be between 1 and 100");
        }
        if (request.pluginKey() == null || request.pluginKey().isBlank()) {
            throw new InvalidInputException("missing_field", "missing field `plugin_key`");
        }
        String endpoint = blankToNull(request.transportEndpoint());
        if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new InvalidInputException("invalid_endpoint", "transport_endpoint must be an http(s) URL");
        }
        VersionSelector selector = VersionSelector.parse(request.versionSelector());
        List<PluginRecord> versions = store.packages(domain).stream()
                .filter(p -> p.pluginKey().equals(request.pluginKey())).toList();
        if (versions.isEmpty()) {
            throw new NotFoundException("plugin_not_found", "No plugin " + request.pluginKey() + " is published");
        }
        boolean matches = versions.stream().anyMatch(p -> STATUS_APPROVED.equals(p.status())
                && selector.matches(Semver.parse(p.version())));
        if (!matches) {
            throw new InvalidInputException("no_matching_version", "No approved version of " + request.pluginKey()
                    + " matches " + selector + "; review a version as approved first");
        }
        String ruleId = store.rules(domain, bindingKey).stream()
                .filter(r -> r.subjectKey().equals(subjectKey) && r.priority() == priority)
                .map(PluginBindingRule::ruleId).findFirst().orElseGet(MemoryIds::random);
        PluginBindingRule rule = new PluginBindingRule(ruleId, domain, bindingKey, subjectKey, priority,
                request.pluginKey(), selector.text(), rollout, endpoint, "active", clock.instant(), actor);
        store.upsertRule(rule);
        event("binding.rule_upserted", "ok", "priority " + priority + ": " + request.pluginKey() + " " + selector
                + " rollout " + rollout + "%", request.pluginKey(), null, bindingKey, subjectKey, actor);
        return rule;
    }

    /** Activates one version for everyone on a binding: subject {@code *}, priority 100, exact, rollout 100 %. */
    public PluginBindingRule activate(String domain, String pluginKey, String version, String bindingKey,
                                      String actor) {
        actor = validActor(actor);
        Semver.parse(version);
        PluginBindingRule rule = bind(domain, new BindingRequest(bindingKey, "*", 100, pluginKey, version, 100, null),
                actor);
        event("binding.activated", "ok", pluginKey + "@" + version + " active for every subject", pluginKey, version,
                rule.bindingKey(), "*", actor);
        return rule;
    }

    public List<PluginBindingRule> bindings(String domain, String bindingKey) {
        requireDomain(domain);
        return store.rules(domain, blankToNull(bindingKey));
    }

    // ---- matrix and events

    /** One row of the compatibility matrix. */
    public record MatrixRow(String pluginKey, String version, String domain, String runtime, String status,
                            boolean supported, String reason, Map<String, Object> compatibility) {
    }

    public List<MatrixRow> matrix(String domain) {
        return list(domain).stream().map(record -> {
            PluginManifest m = packageOf(record).manifest();
            PluginHost.Verdict verdict = host.check(m);
            Map<String, Object> compatibility = new LinkedHashMap<>();
            compatibility.put("api", m.compatibility().apiVersion());
            compatibility.put("min_memoria", m.compatibility().minMemoria() == null ? null
                    : m.compatibility().minMemoria().toString());
            compatibility.put("max_memoria", m.compatibility().maxMemoria() == null ? null
                    : m.compatibility().maxMemoria().toString());
            compatibility.put("host_memoria", host.memoriaVersion());
            return new MatrixRow(record.pluginKey(), record.version(), record.domain(), record.runtime(),
                    record.status(), verdict.supported(), verdict.reason(), compatibility);
        }).sorted(Comparator.comparing(MatrixRow::pluginKey)
                .thenComparing(r -> Semver.parse(r.version()), Comparator.reverseOrder())).toList();
    }

    public List<PluginEvent> events(String domain, String pluginKey, String bindingKey, int limit) {
        return store.events(blankToNull(domain), blankToNull(pluginKey), blankToNull(bindingKey),
                Math.max(1, Math.min(1000, limit)));
    }

    void event(String type, String status, String message, String pluginKey, String version, String bindingKey,
               String actor) {
        event(type, status, message, pluginKey, version, bindingKey, null, actor);
    }

    void event(String type, String status, String message, String pluginKey, String version, String bindingKey,
               String subjectKey, String actor) {
        store.recordEvent(new PluginEvent(MemoryIds.random(), type, status, message, PluginManifest.DOMAIN_GOVERNANCE,
                pluginKey, version, bindingKey, subjectKey, actor == null ? "api" : actor, clock.instant()));
    }

    private static void requireDomain(String domain) {
        if (!PluginManifest.DOMAIN_GOVERNANCE.equals(domain)) {
            throw new NotFoundException("unknown_domain", "Unknown plugin domain " + domain + " (only governance)");
        }
    }

    private static String defaulted(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    Optional<PluginSigner> signer(String name) {
        return store.signer(name);
    }

    /** Who acted, as recorded in the audit log: at most 64 characters (the column's width); null is "api". */
    static final int MAX_ACTOR_LENGTH = 64;

    private static String validActor(String actor) {
        if (actor != null && actor.length() > MAX_ACTOR_LENGTH) {
            throw new InvalidInputException("actor_too_long",
                    "actor exceeds maximum length of " + MAX_ACTOR_LENGTH + " characters");
        }
        return actor;
    }
}
