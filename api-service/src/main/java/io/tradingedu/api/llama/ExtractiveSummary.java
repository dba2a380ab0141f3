package io.tradingedu.api.llama;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The summary without a model: the sentences of the retrieved passages that say most about the keyword,
 * deduplicated, each citing the passage it comes from. A sentence scores for naming the keyword (or all of its
 * words), for the words lessons teach rules with (numbers, buy/sell, stop, exit, when), and for coming from a
 * better-ranked passage; a sentence that does not mention the keyword at all is never chosen.
 */
final class ExtractiveSummary {

    static final int MAX_SENTENCES = 5;
    /**
     * Two sentences sharing this share of their words (of the shorter one's, stop words and the keyword left out)
     * say the same thing; the better one is kept.
     */
    static final double DUPLICATE_OVERLAP = 0.6;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}%]+");
    private static final Set<String> RULE_WORDS = Set.of("buy", "sell", "entry", "enter", "exit", "stop", "target",
            "when", "above", "below", "crosses", "cross", "long", "short", "risk", "profit", "loss", "period",
            "oversold", "overbought", "breakout", "signal");
    /** Left out when comparing sentences: every sentence about a keyword shares them. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "is", "are", "was", "be", "to", "of",
            "and", "or", "in", "on", "at", "it", "its", "you", "your", "we", "i", "for", "so", "that", "this", "with",
            "as", "by", "if", "then", "there", "here", "do", "does");
    private static final int MIN_WORDS = 4;
    private static final int MAX_WORDS = 80;

    private ExtractiveSummary() {
    }

    /** @param citation the passage's number, 1-based, in the order the passages were given */
    record Sentence(String text, int citation, double score) {
    }

    /** The chosen sentences, best first. */
    static List<Sentence> of(String keyword, List<String> passages) {
        List<String> keywordWords = words(keyword);
        String phrase = String.join(" ", keywordWords);
        List<Sentence> candidates = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            for (String raw : SENTENCE_END.split(passages.get(i).strip().replaceAll("\\s+", " "))) {
                String sentence = raw.strip();
                List<String> words = words(sentence);
                if (words.size() < MIN_WORDS || words.size() > MAX_WORDS) {
                    continue;
                }
                double score = score(phrase, keywordWords, words);
                if (score > 0) {
                    // a better-ranked passage is the search's judgement of relevance: a mild preference
                    candidates.add(new Sentence(sentence, i + 1, score / (1 + 0.1 * i)));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Sentence::score).reversed()
                .thenComparingInt(Sentence::citation));
        List<Sentence> chosen = new ArrayList<>();
        List<Set<String>> chosenWords = new ArrayList<>();
        for (Sentence candidate : candidates) {
            Set<String> words = new HashSet<>(words(candidate.text()));
            words.removeAll(STOP_WORDS);
            keywordWords.forEach(words::remove);
            if (chosenWords.stream().noneMatch(seen -> overlap(seen, words) >= DUPLICATE_OVERLAP)) {
                chosen.add(candidate);
                chosenWords.add(words);
                if (chosen.size() == MAX_SENTENCES) {
                    break;
                }
            }
        }
        return chosen;
    }

    /** The sentences as one text, each followed by its citation marker. */
    static String text(List<Sentence> sentences) {
        return String.join(" ", sentences.stream().map(s -> s.text() + " [" + s.citation() + "]").toList());
    }

    private static double score(String phrase, List<String> keywordWords, List<String> words) {
        String joined = " " + String.join(" ", words) + " ";
        double score;
        if (joined.contains(" " + phrase + " ")) {
            score = 3;
        } else if (!keywordWords.isEmpty() && words.containsAll(keywordWords)) {
            score = 2;
        } else {
            return 0;
        }
        long ruleWords = words.stream().filter(RULE_WORDS::contains).distinct().count();
        long numbers = words.stream().filter(w -> w.chars().anyMatch(Character::isDigit)).count();
        return score + Math.min(ruleWords, 4) * 0.5 + Math.min(numbers, 3) * 0.5;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        int smaller = Math.min(a.size(), b.size());
        return smaller == 0 ? (a.equals(b) ? 1 : 0) : (double) common.size() / smaller;
    }

    static List<String> words(String text) {
        return Arrays.stream(WORD.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toList();
    }
}
