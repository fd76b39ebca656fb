package dev.memoria.core.sensitivity;

import dev.memoria.ports.error.ForbiddenException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Screens content before it is stored. High-risk secrets (cloud keys, private keys, bearer tokens, password
 * assignments) block the write; medium-risk personal data (email, phone, SSN, card numbers) is redacted in
 * place, pattern after pattern in a fixed order, each on the output of the previous one.
 */
public final class SensitivityScreen {

    private record Rule(String label, Pattern pattern, String replacement) {
    }

    private static final List<Rule> BLOCKING = List.of(
            new Rule("aws_key", Pattern.compile("(?:AKIA|ABIA|ACCA|ASIA)[0-9A-Z]{16}"), null),
            new Rule("private_key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA )?PRIVATE KEY-----"), null),
            new Rule("bearer_token", Pattern.compile("(?i)Bearer\\s+[A-Za-z0-9\\-._~+/]+=*"), null),
            new Rule("password_assign", Pattern.compile("(?i)(?:password|passwd|secret)\\s*[:=]\\s*\\S+"), null));

    private static final List<Rule> REDACTING = List.of(
            new Rule("email", Pattern.compile("[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z]{2,}"), "[email]"),
            new Rule("phone", Pattern.compile("\\b\\d{3}[-.]?\\d{3,4}[-.]?\\d{4}\\b"), "[phone]"),
            new Rule("ssn", Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[ssn]"),
            new Rule("credit_card", Pattern.compile("\\b(?:\\d[ -]*?){13,19}\\b"), "[card]"));

    /** Returns the content with medium-risk data redacted, or throws when a high-risk secret is present. */
    public String screen(String content) {
        String blockedBy = blockingLabel(content);
        if (blockedBy != null) {
            throw new ForbiddenException("sensitive_content",
                    "Memory blocked: contains sensitive content (" + blockedBy + ")");
        }
        return redact(content);
    }

    /** The label of the first high-risk pattern found, or null. */
    public String blockingLabel(String content) {
        for (Rule rule : BLOCKING) {
            if (rule.pattern().matcher(content).find()) {
                return rule.label();
            }
        }
        return null;
    }

    public String redact(String content) {
        String result = content;
        for (Rule rule : REDACTING) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return result;
    }
}
