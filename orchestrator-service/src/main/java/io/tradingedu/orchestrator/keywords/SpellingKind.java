package io.tradingedu.orchestrator.keywords;

/**
 * How a spelling relates to its term, and so how sure a match on it is. Written names (canonical, full names,
 * abbreviations) are as good as it gets; spoken/ASR forms and misspellings are likelier to be a recogniser's guess
 * or a coincidence, so they count for less when clips are ranked.
 */
public enum SpellingKind {
    CANONICAL(1.0),
    ALIAS(1.0),
    ABBREVIATION(1.0),
    VARIANT(0.85);

    private final double quality;

    SpellingKind(double quality) {
        this.quality = quality;
    }

    /** Match quality 0..1 of a match on a spelling of this kind. */
    public double quality() {
        return quality;
    }
}
