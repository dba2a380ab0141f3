package io.tradingedu.orchestrator.keywords;

import java.util.ArrayList;
import java.util.List;

/**
 * One canonical trading term and the ways it is written or heard.
 *
 * @param canonical     lower-case display form, e.g. {@code moving average}; always matched itself
 * @param weight        0..1, how central the term is to a trading lesson (ranks clips)
 * @param aliases       other full names ({@code relative strength index})
 * @param abbreviations short forms ({@code rsi}); letter-only ones of two letters match only in capitals
 * @param variants      spoken/ASR forms and misspellings ({@code r s i}, {@code bolinger}, {@code stoploss})
 */
public record LexiconTerm(String canonical, KeywordCategory category, double weight, List<String> aliases,
                          List<String> abbreviations, List<String> variants) {

    public LexiconTerm {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        abbreviations = abbreviations == null ? List.of() : List.copyOf(abbreviations);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** One way of writing the term. */
    public record Spelling(String text, SpellingKind kind) {
    }

    /** Every spelling with its kind, the canonical name first. */
    public List<Spelling> spellings() {
        List<Spelling> all = new ArrayList<>();
        all.add(new Spelling(canonical, SpellingKind.CANONICAL));
        aliases.forEach(a -> all.add(new Spelling(a, SpellingKind.ALIAS)));
        abbreviations.forEach(a -> all.add(new Spelling(a, SpellingKind.ABBREVIATION)));
        variants.forEach(v -> all.add(new Spelling(v, SpellingKind.VARIANT)));
        return all;
    }
}
