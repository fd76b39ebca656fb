package dev.memoria.adapter.sql.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;

/**
 * Indexes each character of a multi-character Han word as well as the word, at the same position. A Chinese
 * query of one character ("茶") is one dictionary word, while the stored text may hold it only inside a longer
 * word ("绿茶"); the extra characters let it match. Used on the index side only: on the query side every
 * character of every word would turn a question into an OR of its most common characters.
 */
final class HanCharacterFilter extends TokenFilter {

    /** The type ICU's tokenizer gives Han words. */
    static final String IDEOGRAPHIC = "<IDEOGRAPHIC>";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private String word;
    private int next;

    HanCharacterFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (word != null && next < word.length()) {
            int c = word.codePointAt(next);
            next += Character.charCount(c);
            term.setEmpty().append(new StringBuilder().appendCodePoint(c));
            position.setPositionIncrement(0);
            return true;
        }
        word = null;
        if (!input.incrementToken()) {
            return false;
        }
        if (IDEOGRAPHIC.equals(type.type()) && term.codePoints().count() > 1) {
            // restoreState is not needed: the characters share every attribute but the term and the position
            word = term.toString();
            next = 0;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        word = null;
        next = 0;
    }
}
