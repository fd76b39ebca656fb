package dev.memoria.core.governance.plugin;

/**
 * How this instance picks its governance plugin.
 *
 * @param bindingKey     the binding consulted ({@code MEMORIA_GOVERNANCE_PLUGIN_BINDING}, default {@code default})
 * @param subjectKey     the subject it is consulted for ({@code MEMORIA_GOVERNANCE_PLUGIN_SUBJECT}, {@code system})
 * @param devPackage     a package loaded from a local directory without a signature check (development only), or
 *                       null; it takes precedence over every binding
 * @param devSource      where {@code devPackage} came from, for reports
 * @param memoriaVersion this build's version, for compatibility checks
 */
public record PluginSettings(String bindingKey, String subjectKey, PluginPackage devPackage, String devSource,
                             String memoriaVersion) {

    public static PluginSettings defaults(String memoriaVersion) {
        return new PluginSettings("default", "system", null, null, memoriaVersion);
    }
}
