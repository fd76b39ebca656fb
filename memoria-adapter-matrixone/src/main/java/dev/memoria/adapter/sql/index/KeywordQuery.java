package dev.memoria.adapter.sql.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns user text into an "any word may match" Lucene query. The query is built from analyzed tokens, never
 * parsed, so operators and syntax characters ({@code AND OR "( * ?}) are just text: nothing the caller sends
 * can produce a Lucene syntax error.
 */
final class KeywordQuery {

    static final String FIELD = "content";

    /** Well under Lucene's default limit of 1024 clauses; a 4 KB query rarely has more distinct terms. */
    static final int MAX_TERMS = 512;

    private KeywordQuery() {
    }

    /** The query, or null when the text has no searchable term (empty, punctuation, only stop words). */
    static Query build(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> terms = analyze(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(FIELD, term)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    /**
     * Distinct terms in first-seen order. Duplicates are dropped so a repeated word does not count twice
     * (BM25 already rewards term frequency on the document side).
     */
    static Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = TextAnalyzers.QUERY.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                if (term.length() > 0) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string failed", e);
        }
        return terms;
    }
}
