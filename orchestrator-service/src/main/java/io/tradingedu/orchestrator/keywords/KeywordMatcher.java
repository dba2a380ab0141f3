package io.tradingedu.orchestrator.keywords;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds lexicon terms in text with one Aho-Corasick automaton over every spelling of every term.
 * <p>
 * Rules, in the order they are applied:
 * <ul>
 *   <li>Text and spellings are compared normalised (see {@link TextNormalizer}): case-insensitive, hyphens and
 *       whitespace equivalent, typographic apostrophes folded.</li>
 *   <li>Whole words only: a match may not continue a word, where a word is a run of letters or a run of digits.
 *       So "support" is not found in "supportive", but "RSI(14)", "RSI," and "RSI14" (a parameter glued to the
 *       name, as on chart labels) all name RSI, and "4h" is not found in "14h".</li>
 *   <li>A trailing plural is part of the match: "s" ("moving averages"), or "es" after s, x, z, ch, sh
 *       ("stop losses"). Irregular plurals are listed in the lexicon as variants.</li>
 *   <li>Two-letter abbreviations made of letters ("MA", "SL", "TP") match only when written in capitals: in
 *       lower case they are ordinary syllables and words ("ma", "ll" in "I'll").</li>
 *   <li>Matches never overlap: the longest wins ("moving average convergence divergence" is MACD, not "moving
 *       average"; "volume profile" is not also "volume"); between equally long ones the better-quality spelling,
 *       then the unextended (exact) one, then the earlier one.</li>
 * </ul>
 * Thread-safe once built.
 */
public final class KeywordMatcher {

    private record Candidate(int start, int end, boolean exact, TradingLexicon.Entry entry) {
        int length() {
            return end - start;
        }
    }

    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::length).reversed()
            .thenComparing(c -> -c.entry().kind().quality())
            .thenComparing(c -> !c.exact())
            .thenComparingInt(Candidate::start);

    private final TradingLexicon lexicon;
    private final PayloadTrie<TradingLexicon.Entry> trie;

    public KeywordMatcher(TradingLexicon lexicon) {
        this.lexicon = lexicon;
        PayloadTrie.PayloadTrieBuilder<TradingLexicon.Entry> builder = PayloadTrie.builder();
        // Case, boundaries and overlaps are handled here, not by the library: its case folding works on keywords
        // and text separately (offsets could drift), its word test knows only letters, and overlaps must be
        // resolved after the boundary test or a rejected long match would hide a valid short one.
        for (TradingLexicon.Entry entry : lexicon.entries()) {
            builder.addKeyword(entry.key(), entry);
        }
        this.trie = builder.build();
    }

    public TradingLexicon lexicon() {
        return lexicon;
    }

    /** Every term mentioned in {@code text}, in text order, never overlapping. */
    public List<KeywordMatch> match(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TextNormalizer.Normalized normalized = TextNormalizer.normalize(text);
        String norm = normalized.text();
        List<Candidate> candidates = new ArrayList<>();
        for (PayloadEmit<TradingLexicon.Entry> emit : trie.parseText(norm)) {
            Candidate candidate = candidate(text, normalized, emit.getStart(), emit.getEnd() + 1, emit.getPayload());
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        candidates.sort(PREFERENCE);
        BitSet taken = new BitSet(norm.length());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            if (taken.get(c.start(), c.end()).isEmpty()) {
                taken.set(c.start(), c.end());
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::start));
        List<KeywordMatch> matches = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            int start = normalized.originalStart(c.start());
            int end = normalized.originalEnd(c.end());
            matches.add(new KeywordMatch(start, end, c.entry().term(), text.substring(start, end), c.entry().kind()));
        }
        return matches;
    }

    private static Candidate candidate(String original, TextNormalizer.Normalized normalized, int start, int end,
                                       TradingLexicon.Entry entry) {
        String norm = normalized.text();
        if (start > 0 && !TextNormalizer.boundaryBetween(norm.charAt(start - 1), norm.charAt(start))) {
            return null;
        }
        int extendedEnd = end;
        if (end < norm.length() && !TextNormalizer.boundaryBetween(norm.charAt(end - 1), norm.charAt(end))) {
            extendedEnd = end + pluralSuffix(norm, end, entry.key());
            if (extendedEnd == end) {
                return null;
            }
        }
        if (capitalsOnly(entry)) {
            String written = original.substring(normalized.originalStart(start), normalized.originalEnd(end));
            if (!written.equals(written.toUpperCase(Locale.ROOT))) {
                return null;
            }
        }
        return new Candidate(start, extendedEnd, extendedEnd == end, entry);
    }

    /** Length of a plural ending at {@code at} that is itself followed by a word boundary, else 0. */
    private static int pluralSuffix(String norm, int at, String key) {
        boolean sibilant = key.endsWith("s") || key.endsWith("x") || key.endsWith("z") || key.endsWith("ch")
                || key.endsWith("sh");
        if (sibilant && norm.startsWith("es", at) && endsWord(norm, at + 2)) {
            return 2;
        }
        if (!key.endsWith("s") && Character.isLetter(key.charAt(key.length() - 1)) && norm.startsWith("s", at)
                && endsWord(norm, at + 1)) {
            return 1;
        }
        return 0;
    }

    private static boolean endsWord(String norm, int at) {
        return at >= norm.length() || TextNormalizer.boundaryBetween(norm.charAt(at - 1), norm.charAt(at));
    }

    private static boolean capitalsOnly(TradingLexicon.Entry entry) {
        String key = entry.key();
        return entry.kind() == SpellingKind.ABBREVIATION && key.length() <= 2
                && key.chars().allMatch(Character::isLetter);
    }
}
