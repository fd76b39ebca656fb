package dev.memoria.core.llm;

/** The instructions sent to the model. Each asks for JSON only, in a shape the matching reader accepts. */
final class Prompts {

    static final String OBSERVE = """
            You extract durable memories from a conversation between a user and an AI assistant.
            Choose the most specific type for each memory:
            - profile: the user's identity, preferences, environment, tools or role
            - semantic: general facts that are not about the user
            - procedural: repeated patterns, how the user does things
            - episodic: what the user did or asked in this conversation
            Confidence: 1.0 when stated, 0.7 when strongly implied, 0.4 when weak.
            Skip greetings, small talk and meta-talk about the conversation itself.
            Reply with JSON only: {"memories": [{"type": "...", "content": "...", "confidence": 0.7}]},
            or {"memories": []} when there is nothing worth remembering.""";

    static final String ENTITIES = """
            Extract the specific named entities from the text below: technologies (canonical names, e.g. \
            "PostgreSQL"), people, repositories, projects and named concepts. Deduplicate, at most 10. No generic \
            words, numbers or dates.
            Reply with JSON only: {"entities": [{"name": "...", "type": "tech|person|repo|project|concept"}]}.

            TEXT:
            """;

    static final String REFLECTION = """
            Below are related memories from several sessions of one user. Derive 1-2 actionable insights that the \
            evidence supports across sessions, or none. Use a conservative confidence between 0.3 and 0.7. Use type \
            "procedural" for how-to insights and "semantic" for facts. Do not repeat EXISTING KNOWLEDGE.
            Reply with JSON only: {"insights": [{"type": "...", "content": "...", "confidence": 0.5, \
            "evidence_summary": "..."}]}, or {"insights": []}.

            EXISTING KNOWLEDGE:
            %s

            MEMORIES:
            %s""";

    static final String SUMMARY_FULL = """
            Summarise this work session from its memories.
            topic: what the session was about (1-2 sentences); action: what was done (2-3 sentences); outcome: the \
            result (1-2 sentences).%s
            Reply with JSON only: {"topic": "...", "action": "...", "outcome": "..."}.

            MEMORIES:
            %s""";

    static final String SUMMARY_LIGHT = """
            List the 3-5 key points of this work session, each at most 10 words.%s
            Reply with JSON only: {"points": ["...", "..."]}.

            MEMORIES:
            %s""";

    private Prompts() {
    }

    static String focus(java.util.List<String> topics) {
        return topics == null || topics.isEmpty() ? "" : "\nPay special attention to these topics: "
                + String.join(", ", topics) + ".";
    }
}
