package io.tradingedu.orchestrator.keywords;

/**
 * One mention of a lexicon term in a text.
 *
 * @param start       offset of the first character in the text given to the matcher
 * @param end         offset after the last character (a trailing plural "s"/"es" is included)
 * @param matchedText the text as written there, {@code text.substring(start, end)}
 * @param kind        which kind of spelling matched
 */
public record KeywordMatch(int start, int end, LexiconTerm term, String matchedText, SpellingKind kind) {

    /** 0..1: 1.0 for the canonical name, aliases and abbreviations, less for spoken/ASR variants. */
    public double quality() {
        return kind.quality();
    }
}
