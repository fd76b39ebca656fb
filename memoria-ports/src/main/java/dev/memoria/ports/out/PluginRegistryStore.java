package dev.memoria.ports.out;

import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;

import java.util.List;
import java.util.Optional;

/**
 * The shared plugin registry: signers, published packages, binding rules and the audit trail. Storage only —
 * verification, review rules and resolution live in the core.
 */
public interface PluginRegistryStore {

    /** Inserts or replaces the signer of that name. */
    void upsertSigner(PluginSigner signer);

    Optional<PluginSigner> signer(String name);

    List<PluginSigner> signers();

    /** Inserts a new version; false (and nothing changed) when that key and version already exist. */
    boolean insertPackage(PluginRecord record);

    Optional<PluginRecord> findPackage(String pluginKey, String version);

    /** Every version, newest publication first; {@code domain} null for all domains. */
    List<PluginRecord> packages(String domain);

    /** Replaces the review and score fields of an existing version; false when it does not exist. */
    boolean updatePackage(PluginRecord record);

    /** Inserts or replaces the rule with the same domain, binding, subject and priority. */
    void upsertRule(PluginBindingRule rule);

    /** Rules of a domain; {@code bindingKey} null for every binding. */
    List<PluginBindingRule> rules(String domain, String bindingKey);

    void recordEvent(PluginEvent event);

    /** Newest first; null filters match everything. */
    List<PluginEvent> events(String domain, String pluginKey, String bindingKey, int limit);
}
