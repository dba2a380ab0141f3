package io.tradingedu.orchestrator.keywords;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How often each keyword, category and source occurs among hits; each map is ordered by count (highest first), then
 * by name, so the first entries are what a video is mostly about.
 */
public record KeywordCounts(Map<String, Integer> byKeyword, Map<String, Integer> byCategory,
                            Map<String, Integer> bySource) {

    public KeywordCounts {
        byKeyword = Collections.unmodifiableMap(new LinkedHashMap<>(byKeyword));
        byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    public static KeywordCounts of(Collection<KeywordHit> hits) {
        return new KeywordCounts(count(hits, KeywordHit::keyword), count(hits, KeywordHit::category),
                count(hits, KeywordHit::source));
    }

    /** How many different keywords were found. */
    public int distinctKeywords() {
        return byKeyword.size();
    }

    /** All hits. */
    public int total() {
        return byKeyword.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> count(Collection<KeywordHit> hits, Function<KeywordHit, String> key) {
        Map<String, Long> counts = hits.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue(), (a, b) -> a,
                        LinkedHashMap::new));
    }
}
