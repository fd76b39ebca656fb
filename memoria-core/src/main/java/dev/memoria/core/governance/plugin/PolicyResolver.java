package dev.memoria.core.governance.plugin;

import dev.memoria.core.governance.GovernancePolicy;
import dev.memoria.core.governance.PolicySource;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.out.PolicyEndpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks the policy of each governance run from the plugin registry. At the start of a run it reads the active
 * rules of the configured binding for the configured subject (or {@code *}) and the approved packages once; then,
 * per user, it walks the rules — exact-subject rules before {@code *} rules, lower priority number first, newest
 * first on ties — and takes the first rule whose rollout admits the user and whose selector matches an approved,
 * compatible, correctly signed version (the highest such version). No rule applies: the built-in policy.
 *
 * <p>A development package ({@code MEMORIA_GOVERNANCE_PLUGIN_DIR}) takes precedence over every binding. A remote
 * plugin's endpoint is consulted once per run; if it fails, the run uses the built-in policy and says so in its
 * report and in the plugin audit trail.
 */
public final class PolicyResolver implements PolicySource {

    private static final Logger LOG = Logger.getLogger(PolicyResolver.class.getName());

    private final PluginRegistry registry; // null: no registry (dev package or built-in only)
    private final PluginSettings settings;
    private final GovernancePolicy builtin;
    private final PolicyEndpoint endpoint; // null: remote plugins cannot run
    private final String instanceId;
    /** Versions announced in the audit trail, so each load or failure is recorded once per instance, not per run. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public PolicyResolver(PluginRegistry registry, PluginSettings settings, GovernancePolicy builtin,
                          PolicyEndpoint endpoint, String instanceId) {
        this.registry = registry;
        this.settings = settings;
        this.builtin = builtin;
        this.endpoint = endpoint;
        this.instanceId = instanceId;
    }

    @Override
    public RunPolicies begin(String task) {
        if (settings.devPackage() != null) {
            PolicyChoice dev = choice(settings.devPackage(), null, task, "dev:" + settings.devSource() + " "
                    + settings.devPackage().manifest().key() + "@" + settings.devPackage().manifest().version());
            return user -> dev;
        }
        if (registry == null) {
            PolicyChoice fixed = PolicyChoice.builtin(builtin);
            return user -> fixed;
        }
        List<PluginBindingRule> rules = registry.store().rules(PluginManifest.DOMAIN_GOVERNANCE, settings.bindingKey())
                .stream()
                .filter(r -> "active".equals(r.status()))
                .filter(r -> r.subjectKey().equals(settings.subjectKey()) || r.subjectKey().equals("*"))
                .sorted(Comparator.comparing((PluginBindingRule r) -> r.subjectKey().equals("*"))
                        .thenComparingInt(PluginBindingRule::priority)
                        .thenComparing(PluginBindingRule::updatedAt, Comparator.reverseOrder()))
                .toList();
        if (rules.isEmpty()) {
            PolicyChoice fixed = PolicyChoice.builtin(builtin);
            return user -> fixed;
        }
        Map<String, List<PluginRecord>> approved = new HashMap<>();
        for (PluginRecord p : registry.store().packages(PluginManifest.DOMAIN_GOVERNANCE)) {
            if (PluginRegistry.STATUS_APPROVED.equals(p.status())) {
                approved.computeIfAbsent(p.pluginKey(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Optional<PluginPackage>> loaded = new HashMap<>();
        Map<String, PolicyChoice> chosen = new HashMap<>();
        return user -> {
            synchronized (chosen) {
                for (PluginBindingRule rule : rules) {
                    String rolloutKey = user == null ? settings.subjectKey() : user;
                    if (!RolloutGate.admits(rule.rolloutPercent(), rule.bindingKey(), rule.pluginKey(), rolloutKey)) {
                        continue;
                    }
                    Optional<PluginPackage> pkg = pick(rule, approved.getOrDefault(rule.pluginKey(), List.of()), loaded);
                    if (pkg.isPresent()) {
                        String key = rule.ruleId() + "/" + pkg.get().manifest().version();
                        return chosen.computeIfAbsent(key, k -> choice(pkg.get(), rule, task, "plugin:"
                                + pkg.get().manifest().key() + "@" + pkg.get().manifest().version() + " (binding "
                                + rule.bindingKey() + ", subject " + rule.subjectKey() + ", priority "
                                + rule.priority() + ")"));
                    }
                }
                return PolicyChoice.builtin(builtin);
            }
        };
    }

    /** The highest approved, compatible, verified version the rule's selector matches. */
    private Optional<PluginPackage> pick(PluginBindingRule rule, List<PluginRecord> versions,
                                         Map<String, Optional<PluginPackage>> loaded) {
        VersionSelector selector = VersionSelector.parse(rule.versionSelector());
        return versions.stream()
                .filter(p -> selector.matches(Semver.parse(p.version())))
                .sorted(Comparator.comparing((PluginRecord p) -> Semver.parse(p.version())).reversed())
                .map(p -> loaded.computeIfAbsent(p.pluginKey() + "@" + p.version(), k -> load(p, rule)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Re-verifies a stored version (its signer may have been revoked since) and checks compatibility. */
    private Optional<PluginPackage> load(PluginRecord record, PluginBindingRule rule) {
        String id = record.pluginKey() + "@" + record.version();
        try {
            PluginPackage pkg = PluginRegistry.packageOf(record);
            registry.verify(pkg);
            PluginHost.Verdict verdict = registry.host().check(pkg.manifest());
            if (!verdict.supported()) {
                announce("binding.load_failed", "skipped", id + " is not compatible: " + verdict.reason(), record, rule);
                return Optional.empty();
            }
            announce("binding.loaded", "ok", id + " governs binding " + rule.bindingKey() + " on " + instanceId,
                    record, rule);
            return Optional.of(pkg);
        } catch (MemoriaException e) {
            announce("binding.load_failed", "failed", id + " cannot be used: " + e.getMessage(), record, rule);
            return Optional.empty();
        }
    }

    private void announce(String type, String status, String message, PluginRecord record, PluginBindingRule rule) {
        if (announced.add(type + "|" + record.pluginKey() + "@" + record.version() + "|" + record.updatedAt())) {
            LOG.info("governance plugin: " + message);
            try {
                registry.event(type, status, message, record.pluginKey(), record.version(), rule.bindingKey(),
                        rule.subjectKey(), "scheduler");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record a plugin event", e);
            }
        }
    }

    /** The policy of a package: its knobs over the built-in policy, and for a remote plugin the endpoint's answer. */
    private PolicyChoice choice(PluginPackage pkg, PluginBindingRule rule, String task, String origin) {
        try {
            PluginPolicy policy = pkg.policy();
            // the schedule is read every beat: it uses the package's own intervals, never the endpoint
            if (PluginManifest.RUNTIME_REMOTE.equals(pkg.manifest().runtime()) && !"schedule".equals(task)) {
                policy = consult(pkg, rule, task);
            }
            return new PolicyChoice(policy.applyTo(builtin), origin, List.of());
        } catch (MemoriaException e) {
            String warning = "plugin " + pkg.manifest().key() + "@" + pkg.manifest().version()
                    + " failed, built-in policy used: " + e.getMessage();
            LOG.warning(warning);
            if (registry != null) {
                try {
                    registry.event("remote.failed", "failed", warning, pkg.manifest().key(),
                            pkg.manifest().version().toString(), rule == null ? null : rule.bindingKey(),
                            rule == null ? null : rule.subjectKey(), "scheduler");
                } catch (RuntimeException recordFailure) {
                    LOG.log(Level.WARNING, "could not record a plugin event", recordFailure);
                }
            }
            return new PolicyChoice(builtin, "builtin (fallback from " + origin + ")", List.of(warning));
        }
    }

    @SuppressWarnings("unchecked")
    private PluginPolicy consult(PluginPackage pkg, PluginBindingRule rule, String task) {
        if (endpoint == null) {
            throw new dev.memoria.ports.error.UnavailableException("remote_unavailable",
                    "this server has no client for remote plugins");
        }
        String url = rule != null && rule.transportEndpoint() != null ? rule.transportEndpoint()
                : pkg.manifest().remote().endpoint();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("api_version", PluginManifest.API_VERSION);
        request.put("plugin_key", pkg.manifest().key());
        request.put("version", pkg.manifest().version().toString());
        request.put("task", task);
        request.put("binding_key", rule == null ? null : rule.bindingKey());
        request.put("subject_key", settings.subjectKey());
        request.put("instance_id", instanceId);
        request.put("policy", pkg.policy().raw());
        Map<String, Object> answer = endpoint.consult(url, request, pkg.manifest().remote().timeout());
        Object policy = answer.get("policy");
        if (!(policy instanceof Map)) {
            throw new dev.memoria.ports.error.UnavailableException("remote_invalid",
                    "the endpoint's answer has no \"policy\" object");
        }
        return pkg.policy().overlay((Map<String, Object>) policy);
    }
}
