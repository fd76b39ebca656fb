package dev.memoria.server.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule files that tell an agent how to use its memory, one per topic, each carrying a version marker. An
 * installed file of the same version is left alone, an older one is reported (refreshed only with
 * {@code --force}), and a file without a marker is the user's own and is never overwritten without
 * {@code --force}.
 */
final class RuleFiles {

    /** Bump when a rule text changes, so installed copies are reported as outdated. */
    static final int VERSION = 1;
    static final List<String> TOPICS = List.of("memory", "session-lifecycle", "memory-hygiene",
            "memory-branching-patterns", "goal-driven-evolution");
    private static final Pattern MARKER = Pattern.compile("memoria-version:\\s*(\\d+)");

    private RuleFiles() {
    }

    /** Writes the agent's rule files under {@code project}; returns one line per file saying what happened. */
    static List<String> install(AgentTool tool, Path project, boolean force) {
        List<String> report = new ArrayList<>();
        if (tool.rulesDir() == null) {
            return report;
        }
        for (String topic : TOPICS) {
            Path file = project.resolve(tool.rulesDir()).resolve(topic + tool.ruleSuffix());
            report.add(installOne(file, render(tool, topic), force));
        }
        return report;
    }

    private static String installOne(Path file, String text, boolean force) {
        try {
            if (Files.exists(file) && !force) {
                Integer installed = versionOf(Files.readString(file, StandardCharsets.UTF_8));
                if (installed == null) {
                    return "kept " + file + " (not written by memoria; --force replaces it)";
                }
                if (installed >= VERSION) {
                    return "up to date " + file;
                }
                return "outdated " + file + " (version " + installed + ", current " + VERSION
                        + "; run init again with --force to refresh it)";
            }
            Files.createDirectories(file.getParent());
            boolean existed = Files.exists(file);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return (existed ? "replaced " : "created ") + file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Integer versionOf(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The topic's text with the marker; cursor's {@code .mdc} rules also need front matter to apply always. */
    static String render(AgentTool tool, String topic) {
        String body = resource(topic);
        String marker = "<!-- memoria-version: " + VERSION + " -->\n";
        if (tool.ruleSuffix().equals(".mdc")) {
            String title = body.lines().findFirst().orElse(topic).replaceFirst("^#\\s*", "");
            return "---\ndescription: " + title + "\nalwaysApply: true\n---\n" + marker + body;
        }
        return marker + body;
    }

    private static String resource(String topic) {
        try (InputStream in = RuleFiles.class.getResourceAsStream("/onboarding/rules/" + topic + ".md")) {
            if (in == null) {
                throw new IllegalStateException("rule text missing from the jar: " + topic);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
