package io.tradingedu.embeddings.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word sequences of a query that could be lexicon keywords: every run of one to {@value #LONGEST} words, lower
 * case, as the index stores passages' keywords ({@code "rsi"}, {@code "stop loss"}, {@code "moving average crossover"}).
 * A plural last word is also tried without its {@code s}, so "breakouts" finds the keyword "breakout".
 */
final class QueryTerms {

    /** Lexicon keywords are short phrases; longer runs would only multiply the array. */
    static final int LONGEST = 4;
    /** Bounds the array a long query sends to the database. */
    static final int MOST = 200;

    private QueryTerms() {
    }

    static List<String> keywordCandidates(String query) {
        // keep letters, digits and the joiners keywords use ("200-day", "5-minute", "r:r"); anything else splits words
        String[] words = query.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\-/:%.&']+", " ")
                .replaceAll("(?<![\\p{L}\\p{N}])[\\-/:.&']+|[\\-/:.&']+(?![\\p{L}\\p{N}])", " ")
                .strip().split("\\s+");
        Set<String> grams = new LinkedHashSet<>();
        for (int from = 0; from < words.length && !words[from].isEmpty(); from++) {
            StringBuilder gram = new StringBuilder();
            for (int to = from; to < Math.min(words.length, from + LONGEST); to++) {
                if (to > from) {
                    gram.append(' ');
                }
                gram.append(words[to]);
                grams.add(gram.toString());
                String last = words[to];
                if (last.length() > 3 && last.endsWith("s") && !last.endsWith("ss")) {
                    grams.add(gram.substring(0, gram.length() - 1));
                }
            }
        }
        return grams.stream().limit(MOST).toList();
    }
}
