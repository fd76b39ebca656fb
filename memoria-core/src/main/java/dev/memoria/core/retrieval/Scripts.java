package dev.memoria.core.retrieval;

/** What writing systems a text uses. */
final class Scripts {

    private Scripts() {
    }

    /** Share of letters written in Chinese, Japanese or Korean scripts (0 when there are no letters). */
    static double cjkShare(String text) {
        long letters = 0;
        long cjk = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                cjk++;
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }
}
