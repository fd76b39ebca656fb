package dev.memoria.core.retrieval;

import dev.memoria.ports.model.Memory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of thing a "which ones" question asks for, and which memories name one. "哪些服务在用 gRPC？" asks for
 * services; in a team's notes services go by identifiers such as {@code inventory-service} and
 * {@code PaymentService}, whose parts say their kind in English whatever language the note is in. A memory that
 * names no service ("服务间认证使用 mTLS，所有 gRPC 调用都需要客户端证书") says something about gRPC but cannot be one of
 * the answers; an English-only embedding model cannot tell the two apart in Chinese text.
 *
 * <p>The kinds are the common ones of software teams, each with the identifier parts that mark a member
 * ({@code service}, {@code svc}); a question asking for another kind, or for none, has no asked kind. The
 * question's own names (gRPC, auth-service) are not answers to it: "哪些服务依赖 auth-service？" is not answered by
 * a note that names only auth-service.
 */
final class AskedKind {

    static final AskedKind NONE = new AskedKind(List.of(), Set.of());

    /** Chinese kind words and the identifier parts that mark a member of the kind; a longer word before its prefix. */
    private static final Map<String, List<String>> CHINESE_KINDS = kinds(
            "微服务", "service,svc", "服务器", "server", "服务", "service,svc", "数据库", "db,database",
            "模块", "module,mod", "应用", "app,application", "组件", "component", "项目", "project", "团队", "team",
            "集群", "cluster", "队列", "queue", "网关", "gateway", "客户端", "client", "插件", "plugin", "仓库", "repo",
            "流水线", "pipeline", "任务", "job,task", "库", "lib,library");
    /** English kind words (singular) and their identifier parts. */
    private static final Map<String, List<String>> ENGLISH_KINDS = kinds(
            "service", "service,svc", "microservice", "service,svc", "database", "db,database", "module", "module,mod",
            "app", "app,application", "application", "app,application", "component", "component",
            "project", "project", "team", "team", "cluster", "cluster", "queue", "queue", "gateway", "gateway",
            "client", "client", "server", "server", "plugin", "plugin", "repo", "repo", "repository", "repo",
            "pipeline", "pipeline", "job", "job", "library", "lib,library");
    private static final Pattern CHINESE_QUESTION = Pattern.compile(
            "(?:哪些|哪几个|哪个|哪一个|什么)(?:个|些)?\\s*(\\p{IsHan}+)");
    private static final Pattern ENGLISH_QUESTION = Pattern.compile("\\b(?:which|what)\\s+([a-z]+)");
    /** Where identifiers split into parts: joiners and lower-to-upper case changes (PaymentService). */
    private static final Pattern PART_BOUNDARY = Pattern.compile("[-_./:@]+|(?<=[a-z0-9])(?=[A-Z])");

    /** Identifier parts that mark a member of the asked kind; empty when the query asks for no known kind. */
    private final List<String> memberParts;
    /** What the question names, in lower case (see {@link EntityTerms#namedInQuery}). */
    private final Set<String> questionNames;

    private AskedKind(List<String> memberParts, Set<String> questionNames) {
        this.memberParts = memberParts;
        this.questionNames = questionNames;
    }

    /** The kind the query asks for, if it asks "which/what KIND" for a kind known here and names something. */
    static AskedKind of(String query) {
        Set<String> names = EntityTerms.namedInQuery(query);
        List<String> parts = memberParts(query.toLowerCase(Locale.ROOT));
        return names.isEmpty() || parts.isEmpty() ? NONE : new AskedKind(parts, names);
    }

    /**
     * The memories, by id, that name no member of the asked kind besides the question's own names, when at least
     * {@code k} of the memories that mention one of the question's names name such a member (there is enough to
     * answer from); otherwise none, since a member may go by a name that does not say its kind ("PostgreSQL" for a
     * database).
     */
    Set<String> notAnswering(List<Memory> candidates, int k) {
        if (memberParts.isEmpty()) {
            return Set.of();
        }
        Set<String> notAnswering = new HashSet<>();
        int answeringAboutNamed = 0;
        for (Memory memory : candidates) {
            if (!namesMember(memory.content())) {
                notAnswering.add(memory.memoryId());
            } else if (mentionsQuestionName(memory.content())) {
                answeringAboutNamed++;
            }
        }
        return answeringAboutNamed >= k ? notAnswering : Set.of();
    }

    /** Whether the text names a member of the kind other than the question's own names. */
    boolean namesMember(String text) {
        for (String name : EntityTerms.of(text)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (questionNames.stream().anyMatch(q -> q.contains(lower) || lower.contains(q))) {
                continue;
            }
            String[] parts = PART_BOUNDARY.split(name.startsWith("@") ? name.substring(1) : name);
            if (parts.length < 2) {
                continue; // "service" alone is the word for the kind, not the name of a member
            }
            for (String part : parts) {
                if (memberParts.contains(part.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean mentionsQuestionName(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return questionNames.stream().anyMatch(lower::contains);
    }

    private static List<String> memberParts(String lowerQuery) {
        Matcher chinese = CHINESE_QUESTION.matcher(lowerQuery);
        while (chinese.find()) {
            String words = chinese.group(1);
            for (Map.Entry<String, List<String>> kind : CHINESE_KINDS.entrySet()) {
                if (words.startsWith(kind.getKey())) {
                    return kind.getValue();
                }
            }
        }
        Matcher english = ENGLISH_QUESTION.matcher(lowerQuery);
        while (english.find()) {
            List<String> parts = ENGLISH_KINDS.get(singular(english.group(1)));
            if (parts != null) {
                return parts;
            }
        }
        return List.of();
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && (word.endsWith("sses") || word.endsWith("xes"))) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    private static Map<String, List<String>> kinds(String... wordAndParts) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < wordAndParts.length; i += 2) {
            kinds.put(wordAndParts[i], List.of(wordAndParts[i + 1].split(",")));
        }
        return kinds;
    }
}
