package dev.memoria.core.entity;

import dev.memoria.ports.model.Entity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named things a memory mentions, found by rules on its text, without a model: well-known technologies,
 * capitalised words (Alice, PostgreSQL, JWT), {@code @mentions}, {@code owner/repo} references, component names
 * ({@code auth-service}, {@code PaymentService}) and {@code `backticked`} terms. The rules follow the existing
 * Memoria service's write-time extraction, so that a memory stored here is linked to the entities a client of
 * that service expects ({@code GET /v1/entities}).
 *
 * <p>Retrieval does not read these: it finds names with its own, untyped rule ({@code retrieval.EntityTerms}, which
 * in Chinese text takes every Latin word), tuned against the quality benchmark, while this one keeps the typed
 * entities clients of the existing service see.
 *
 * <p>Each entity is keyed by its lower-case name; when several rules find the same name, the first rule's type
 * stands (tech, person, repo, project — in that order of rules).
 */
public final class TextEntities {

    /** Technologies often written in lower case, so that the capitalised-word rule would miss them. */
    private static final Set<String> TECH_TERMS = Set.of("python", "rust", "go", "java", "ruby", "swift", "flask",
            "spring", "express", "gin", "lambda", "terraform", "ansible", "docker", "git", "ruff", "black", "jest",
            "mocha", "k8s", "aws", "gcp", "s3", "ec2", "ecs", "eks");
    /** Capitalised words that are sentence starts or calendar words rather than names. */
    private static final Set<String> COMMON_WORDS = Set.of("a", "an", "the", "this", "that", "these", "those", "i",
            "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "my", "our", "your", "his", "its",
            "their", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "has", "have", "had", "can",
            "could", "will", "would", "shall", "should", "may", "might", "must", "in", "on", "at", "to", "for", "of",
            "with", "by", "from", "into", "about", "after", "before", "over", "under", "and", "or", "but", "if",
            "when", "while", "because", "so", "not", "no", "yes", "all", "some", "any", "each", "every", "also",
            "then", "there", "here", "what", "which", "who", "how", "why", "where", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december");
    /** Name parts that make a hyphenated word the name of a component (auth-service, web-app, ingest-worker). */
    private static final Set<String> COMPONENT_PARTS = Set.of("service", "server", "api", "gateway", "proxy", "mesh",
            "pipeline", "worker", "queue", "cache", "store", "db", "manager", "controller", "handler", "client", "sdk",
            "cli", "ui", "app", "serving", "engine", "agent", "daemon", "scheduler", "monitor");
    /** A mention ("@张伟", "@li.na"); not the "@" inside an address such as "ops@example.com". */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.])@([\\p{L}\\p{N}_.-]+)");
    /** A Latin word with the characters names use inside (Node.js, C++, C#); Chinese around it does not count. */
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+#._/-]*");
    private static final Pattern REPO = Pattern.compile("(?<![\\w./-])([\\w.-]{2,})/([\\w.-]{2,})(?![\\w/])");
    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b");
    private static final Pattern HYPHENATED = Pattern.compile("\\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\\b");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final int MAX_BACKTICKED_BYTES = 30;
    private static final int MAX_NAME_CHARS = 128;
    /**
     * Entities kept per text, the first ones found: a memory may hold 32 KiB of prose with thousands of capitalised
     * words, and each entity is a row to write and a link to it.
     */
    static final int MAX_ENTITIES = 50;

    private TextEntities() {
    }

    /** The entities the text names, in the order the rules find them. */
    public static List<Entity> in(String text) {
        Map<String, Entity> found = new LinkedHashMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        techTerms(lower, found);
        capitalisedWords(text, found);
        add(found, MENTION, text, 1, "person");
        repos(text, found);
        add(found, CAMEL_CASE, text, 0, "project");
        hyphenatedComponents(text, found);
        backticked(text, found);
        return new ArrayList<>(found.values()).subList(0, Math.min(MAX_ENTITIES, found.size()));
    }

    private static void techTerms(String lower, Map<String, Entity> found) {
        for (String term : TECH_TERMS) {
            int at = lower.indexOf(term);
            if (at >= 0 && !asciiWordCharAt(lower, at - 1) && !asciiWordCharAt(lower, at + term.length())) {
                put(found, term, "tech");
            }
        }
    }

    private static void capitalisedWords(String text, Map<String, Entity> found) {
        Set<String> seen = new HashSet<>();
        Matcher words = LATIN_WORD.matcher(text);
        while (words.find()) {
            if (words.start() > 0 && text.charAt(words.start() - 1) == '@') {
                continue; // a mention: a person, found by its own rule
            }
            String word = stripTrailingPunctuation(words.group());
            if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || !seen.add(word)) {
                continue;
            }
            String key = word.toLowerCase(Locale.ROOT);
            if (COMMON_WORDS.contains(key) || TECH_TERMS.contains(key)) {
                continue;
            }
            boolean hasLowerCase = word.chars().anyMatch(Character::isLowerCase);
            if (!hasLowerCase && !word.matches("[A-Z]{2,8}")) {
                continue; // shouting or an id such as "ABC-123", not a name
            }
            put(found, word, "tech");
        }
    }

    private static void repos(String text, Map<String, Entity> found) {
        Matcher matcher = REPO.matcher(text);
        while (matcher.find()) {
            String owner = matcher.group(1);
            String repo = stripTrailingPunctuation(matcher.group(2));
            if (repo.length() >= 2 && !owner.contains("://") && !owner.matches("\\d+")) {
                put(found, owner + "/" + repo, "repo");
            }
        }
    }

    private static void hyphenatedComponents(String text, Map<String, Entity> found) {
        Matcher matcher = HYPHENATED.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            for (String part : name.toLowerCase(Locale.ROOT).split("-")) {
                if (COMPONENT_PARTS.contains(part)) {
                    put(found, name, "project");
                    break;
                }
            }
        }
    }

    private static void backticked(String text, Map<String, Entity> found) {
        Matcher matcher = BACKTICKED.matcher(text);
        while (matcher.find()) {
            String term = matcher.group(1).trim();
            int bytes = term.getBytes(StandardCharsets.UTF_8).length;
            if (bytes >= 2 && bytes <= MAX_BACKTICKED_BYTES) {
                put(found, term, "project");
            }
        }
    }

    private static void add(Map<String, Entity> found, Pattern pattern, String text, int group, String type) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            put(found, stripTrailingPunctuation(matcher.group(group)), type);
        }
    }

    private static void put(Map<String, Entity> found, String display, String type) {
        int end = Math.min(display.length(), MAX_NAME_CHARS);
        if (end < display.length() && Character.isHighSurrogate(display.charAt(end - 1))) {
            end--; // do not split a character in two
        }
        String name = display.substring(0, end);
        String key = name.toLowerCase(Locale.ROOT);
        if (key.getBytes(StandardCharsets.UTF_8).length >= 2) {
            found.putIfAbsent(key, new Entity(key, name, type));
        }
    }

    private static String stripTrailingPunctuation(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }

    private static boolean asciiWordCharAt(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
