package dev.memoria.core.testing;

import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;
import dev.memoria.ports.out.PluginRegistryStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The plugin registry in memory, for core tests. */
public final class InMemoryPluginRegistry implements PluginRegistryStore {

    private final Map<String, PluginSigner> signers = new LinkedHashMap<>();
    private final Map<String, PluginRecord> packages = new LinkedHashMap<>();
    private final Map<String, PluginBindingRule> rules = new LinkedHashMap<>();
    private final List<PluginEvent> events = new ArrayList<>();

    @Override
    public synchronized void upsertSigner(PluginSigner signer) {
        signers.put(signer.name(), signer);
    }

    @Override
    public synchronized Optional<PluginSigner> signer(String name) {
        return Optional.ofNullable(signers.get(name));
    }

    @Override
    public synchronized List<PluginSigner> signers() {
        return List.copyOf(signers.values());
    }

    @Override
    public synchronized boolean insertPackage(PluginRecord record) {
        return packages.putIfAbsent(record.pluginKey() + "@" + record.version(), record) == null;
    }

    @Override
    public synchronized Optional<PluginRecord> findPackage(String pluginKey, String version) {
        return Optional.ofNullable(packages.get(pluginKey + "@" + version));
    }

    @Override
    public synchronized List<PluginRecord> packages(String domain) {
        return packages.values().stream().filter(p -> domain == null || p.domain().equals(domain))
                .sorted(Comparator.comparing(PluginRecord::publishedAt).reversed()).toList();
    }

    @Override
    public synchronized boolean updatePackage(PluginRecord record) {
        return packages.replace(record.pluginKey() + "@" + record.version(), record) != null;
    }

    @Override
    public synchronized void upsertRule(PluginBindingRule rule) {
        rules.put(rule.domain() + "|" + rule.bindingKey() + "|" + rule.subjectKey() + "|" + rule.priority(), rule);
    }

    @Override
    public synchronized List<PluginBindingRule> rules(String domain, String bindingKey) {
        return rules.values().stream().filter(r -> r.domain().equals(domain))
                .filter(r -> bindingKey == null || r.bindingKey().equals(bindingKey)).toList();
    }

    @Override
    public synchronized void recordEvent(PluginEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<PluginEvent> events(String domain, String pluginKey, String bindingKey, int limit) {
        List<PluginEvent> newestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().filter(e -> domain == null || Objects.equals(e.domain(), domain))
                .filter(e -> pluginKey == null || Objects.equals(e.pluginKey(), pluginKey))
                .filter(e -> bindingKey == null || Objects.equals(e.bindingKey(), bindingKey))
                .limit(limit).toList();
    }
}
