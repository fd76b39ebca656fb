package dev.memoria.core.governance.plugin;

import dev.memoria.core.json.Json;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.MemoriaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The directory form of a package: {@code manifest.json}, {@code policy.json} (optional: no knobs) and
 * {@code signature.json} (optional here; {@code {"signer", "algorithm", "value"}}). Any other file is ignored and
 * is not covered by the signature — only manifest and policy are contents.
 */
public final class PluginDirectory {

    public static final String MANIFEST = "manifest.json";
    public static final String POLICY = "policy.json";
    public static final String SIGNATURE = "signature.json";

    private PluginDirectory() {
    }

    /** Reads a package directory; a missing manifest or invalid content is a configuration error naming the file. */
    public static PluginPackage read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new ConfigurationException("plugin_dir_invalid", "No " + MANIFEST + " in plugin directory " + dir);
        }
        try {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("manifest", Json.parseObject(text(manifest), MANIFEST));
            Path policy = dir.resolve(POLICY);
            document.put("policy", Files.isRegularFile(policy) ? Json.parseObject(text(policy), POLICY) : Map.of());
            Path signature = dir.resolve(SIGNATURE);
            if (Files.isRegularFile(signature)) {
                document.put("signature", Json.parseObject(text(signature), SIGNATURE));
            }
            return PluginPackage.fromDocument(document);
        } catch (MemoriaException e) {
            if (e instanceof ConfigurationException) {
                throw e;
            }
            throw new ConfigurationException("plugin_dir_invalid", "Plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("plugin_dir_invalid", "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
