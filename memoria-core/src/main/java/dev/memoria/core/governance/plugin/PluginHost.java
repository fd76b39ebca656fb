package dev.memoria.core.governance.plugin;

/**
 * What this build offers plugins: the plugin API version and the Memoria release, against which a manifest's
 * compatibility is judged. A build without a release version (a development build) accepts any version bounds.
 */
public record PluginHost(String memoriaVersion) {

    /** Whether a plugin can run here, and why not. */
    public record Verdict(boolean supported, String reason) {
    }

    public Verdict check(PluginManifest manifest) {
        PluginManifest.Compatibility c = manifest.compatibility();
        if (!PluginManifest.API_VERSION.equals(c.apiVersion())) {
            return new Verdict(false, "plugin API " + c.apiVersion() + " is not supported (this build speaks "
                    + PluginManifest.API_VERSION + ")");
        }
        var host = Semver.lenient(memoriaVersion);
        if (host.isEmpty()) {
            return new Verdict(true, "development build " + memoriaVersion + ": version bounds not checked");
        }
        if (c.minMemoria() != null && host.get().compareTo(c.minMemoria()) < 0) {
            return new Verdict(false, "needs Memoria >= " + c.minMemoria() + ", this is " + host.get());
        }
        if (c.maxMemoria() != null && host.get().compareTo(c.maxMemoria()) > 0) {
            return new Verdict(false, "supports Memoria <= " + c.maxMemoria() + ", this is " + host.get());
        }
        return new Verdict(true, "compatible with Memoria " + host.get());
    }
}
