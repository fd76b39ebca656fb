package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the names of things out of a memory's text without an LLM: identifiers that look like entities
 * (service names with hyphens, versions, acronyms and CVE ids, CamelCase, {@code @mentions}), and — in text
 * that is mostly CJK, where Latin words are almost always names — every Latin word (see
 * {@link #MIN_NAME_IN_PROSE} for text whose letters are mostly Latin but whose words are Chinese).
 */
final class EntityTerms {

    private static final Pattern LATIN_TOKEN = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._:/+#-]*[A-Za-z0-9+#]|@?[A-Za-z]");
    private static final Pattern HAS_SHAPE = Pattern.compile(
            ".*[-_.:/@#+].*|.*\\d.*|.*[a-z][A-Z].*|[A-Z]{2,}.*|[A-Z][a-z]+[A-Z].*");
    private static final Pattern JS_NAME = Pattern.compile("([a-z][a-z0-9]+)\\.js");
    /** A container image and its tag; the image's name may have a registry path (bitnami/redis:7.2). */
    private static final Pattern IMAGE_NAME = Pattern.compile("(?:[a-z0-9.-]+/)*([a-z][a-z0-9_-]*):[a-z0-9][a-z0-9._-]*");
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "this", "that", "from", "api", "ok",
            "id", "v1", "v2", "http", "https", "todo", "etc", "e.g", "i.e");

    /**
     * In Chinese prose with long Latin names ("order-api 调用 inventory-client 接口") the letters are mostly Latin, yet
     * the words are mostly Chinese: there a Latin word of this length or more is taken as a name too. Shorter ones
     * ("tech lead") are too often ordinary English.
     */
    static final int MIN_NAME_IN_PROSE = 5;

    private EntityTerms() {
    }

    static Set<String> of(String text) {
        boolean mostlyCjk = Scripts.cjkLetterShare(text) > 0.3;
        boolean cjkProse = Scripts.cjkWordShare(text) >= 0.5;
        Set<String> terms = new LinkedHashSet<>();
        Matcher matcher = LATIN_TOKEN.matcher(text);
        while (matcher.find()) {
            String token = trimPunctuation(matcher.group());
            if (token.length() < 2 || COMMON.contains(token.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean entityShaped = HAS_SHAPE.matcher(token).matches() || Character.isUpperCase(token.charAt(0))
                    && !isSentenceStart(text, matcher.start());
            if (mostlyCjk || entityShaped || cjkProse && token.length() >= MIN_NAME_IN_PROSE) {
                terms.add(token);
            }
        }
        return terms;
    }

    /** What a query names, in lower case. */
    static Set<String> namedInQuery(String query) {
        Set<String> names = new LinkedHashSet<>();
        of(query).forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
    }

    /**
     * The short form of a name written in a longer one, lower case: a JavaScript project's name without its
     * {@code .js} ({@code node.js} → {@code node}) and a container image without its tag
     * ({@code node:18-alpine} → {@code node}, {@code python:3.11-slim} → {@code python}); null for other names.
     */
    static String shortForm(String lowerName) {
        Matcher js = JS_NAME.matcher(lowerName);
        if (js.matches()) {
            return js.group(1);
        }
        Matcher image = IMAGE_NAME.matcher(lowerName);
        return image.matches() ? image.group(1) : null;
    }

    private static boolean isSentenceStart(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?:;\n".indexOf(text.charAt(i)) >= 0;
    }

    private static String trimPunctuation(String token) {
        int end = token.length();
        while (end > 0 && ".,:;/".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }
}
