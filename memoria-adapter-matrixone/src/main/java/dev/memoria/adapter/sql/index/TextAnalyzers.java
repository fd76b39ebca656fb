package dev.memoria.adapter.sql.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;

/**
 * The text analysis shared by indexing and querying: English (possessives, lower case, accent folding,
 * stop words, Porter stemming so "running" finds "run") and CJK (width folding and bigrams: the standard
 * tokenizer emits one token per Han character, and bigrams of adjacent characters are what make a Chinese
 * query phrase match Chinese content without a dictionary).
 *
 * <p>The two analyzers differ only in CJK unigrams. Documents index both unigrams and bigrams so that a
 * one-character query still matches; queries use bigrams only (a lone character stays a unigram), because
 * querying every common character ("的", "是") as its own OR clause would match nearly every Chinese memory.
 *
 * <p>Lucene analyzers are thread-safe (per-thread token stream reuse), so one instance of each is shared.
 */
final class TextAnalyzers {

    static final Analyzer INDEX = new MemoriaAnalyzer(true);
    static final Analyzer QUERY = new MemoriaAnalyzer(false);

    private TextAnalyzers() {
    }

    /**
     * Unicode word-break rules keep "a:b" together (a colon joins letters in Swedish); notes such as
     * "project:memoria" or "status:done" read better as two words, as MySQL full-text would split them.
     */
    private static final NormalizeCharMap SEPARATORS;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add(":", " ");
        SEPARATORS = builder.build();
    }

    private static final class MemoriaAnalyzer extends Analyzer {

        private final boolean cjkUnigrams;

        MemoriaAnalyzer(boolean cjkUnigrams) {
            this.cjkUnigrams = cjkUnigrams;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(SEPARATORS, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, cjkUnigrams);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
