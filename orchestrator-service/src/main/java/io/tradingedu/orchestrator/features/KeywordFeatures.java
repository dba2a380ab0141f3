package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Hit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/** How much trading vocabulary a lesson uses, how varied, how dense and where (stage 3's keyword hits). */
final class KeywordFeatures {

    static final String NO_HITS = "no keyword hits: stage 3 (detect-keywords) has not run for this item";

    private KeywordFeatures() {
    }

    static void add(FeatureInputs inputs, FeatureSet.Builder features) {
        List<Hit> hits = inputs.hits();
        if (hits == null) {
            features.missing(FeatureCatalogue.KEYWORDS, NO_HITS);
            return;
        }
        Map<String, Long> perTerm = hits.stream().collect(Collectors.groupingBy(Hit::keyword, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> perCategory = hits.stream().collect(Collectors.groupingBy(Hit::category,
                Collectors.counting()));
        int total = hits.size();
        features.put("keyword_hits", total)
                .put("keyword_terms", perTerm.size())
                .ratio("keyword_diversity", perTerm.size(), total, "no keyword hits");
        if (total == 0) {
            features.unknown("keyword_entropy_bits", "no keyword hits");
        } else {
            features.put("keyword_entropy_bits", entropyBits(perTerm.values(), total));
        }
        Double minutes = TranscriptFeatures.durationMinutes(inputs.transcript());
        if (minutes == null) {
            features.unknown("keyword_density_per_minute", "the video's duration is unknown");
        } else {
            features.put("keyword_density_per_minute", total / minutes);
        }
        for (String category : FeatureCatalogue.KEYWORD_CATEGORIES) {
            features.put("keywords_" + category, perCategory.getOrDefault(category, 0L).intValue());
        }
        mention(features, "first_mention_seconds", hits, DoubleStream::min);
        mention(features, "last_mention_seconds", hits, DoubleStream::max);
        features.ratio("keyword_ocr_share", hits.stream().filter(h -> "ocr".equals(h.source())).count(), total,
                "no keyword hits");
    }

    /** Shannon entropy of the terms' shares, in bits: 0 for one term, log2(n) for n terms used equally. */
    static double entropyBits(Collection<Long> counts, int total) {
        double bits = 0;
        for (long count : counts) {
            double p = (double) count / total;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static void mention(FeatureSet.Builder features, String name, List<Hit> hits,
                                Function<DoubleStream, OptionalDouble> pick) {
        OptionalDouble at = pick.apply(hits.stream().mapToDouble(Hit::start));
        if (at.isPresent()) {
            features.put(name, at.getAsDouble());
        } else {
            features.unknown(name, "no keyword hits");
        }
    }
}
