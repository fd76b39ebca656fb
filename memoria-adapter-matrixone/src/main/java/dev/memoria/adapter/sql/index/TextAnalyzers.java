package dev.memoria.adapter.sql.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.io.Reader;

/**
 * The text analysis shared by indexing and querying. Words are found by ICU's Unicode segmentation with its
 * dictionaries for scripts written without spaces: Chinese and Japanese text is split into dictionary words
 * ("新幹線", "予約", "周末") and Thai, Lao, Khmer and Myanmar text likewise, so no language needs a word list of
 * ours. Then English possessives, lower case, accent folding, English stop words and Porter stemming ("running"
 * finds "run"); the English steps leave other scripts untouched.
 *
 * <p>Dictionary words replaced the earlier CJK character bigrams: bigrams also index every pair that straddles
 * two words ("の予", "は金"), and those pairs made Japanese keyword ranking worse than none at all
 * (docs/QUALITY.md has the measurement). The index side differs in one way: it also indexes the single
 * characters of Han words ({@link HanCharacterFilter}), so a one-character query still finds longer words.
 *
 * <p>Lucene analyzers are thread-safe (per-thread token stream reuse), so one instance is shared.
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

        private final boolean hanCharacters;

        MemoriaAnalyzer(boolean hanCharacters) {
            this.hanCharacters = hanCharacters;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(SEPARATORS, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            // cjkAsWords: dictionary words for Han and kana, not one token per character; myanmarAsWords likewise
            Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
            TokenStream stream = hanCharacters ? new HanCharacterFilter(source) : source;
            stream = new CJKWidthFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
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
