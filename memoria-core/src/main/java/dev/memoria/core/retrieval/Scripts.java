package dev.memoria.core.retrieval;

/** What writing systems a text uses. */
final class Scripts {

    /** Hangul Jamo, the first block of the scripts counted as CJK here (Han, kana and Hangul all come later). */
    private static final int FIRST_CJK = 0x1100;

    private Scripts() {
    }

    /**
     * Share of the text's words that are written in Chinese, Japanese or Korean scripts (0 when it has no
     * letters). A CJK character counts as one word and so does a run of other letters: a character carries
     * about as much as a word, so a Chinese question about a product with a long English name is mostly Chinese although most
     * of its letters are Latin.
     */
    static double cjkWordShare(String text) {
        long words = 0;
        long cjk = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                inWord = false;
                continue;
            }
            if (isCjk(c)) {
                cjk++;
                words++;
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        return words == 0 ? 0 : (double) cjk / words;
    }

    /**
     * Share of the text's letters that are CJK. Lower than {@link #cjkWordShare} for mixed text: used where the
     * question is whether Latin words stand out as names in CJK prose rather than what language the text is in.
     */
    static double cjkLetterShare(String text) {
        long letters = 0;
        long cjk = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                cjk += isCjk(c) ? 1 : 0;
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }

    static boolean isCjk(int c) {
        if (c < FIRST_CJK) {
            return false; // most text is Latin: skip the script lookup
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
