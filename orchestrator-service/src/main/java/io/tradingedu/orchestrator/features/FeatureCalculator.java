package io.tradingedu.orchestrator.features;

/** Stage 7's computation: every feature of {@link FeatureCatalogue#VERSION} from one item's stage outputs. */
final class FeatureCalculator {

    private FeatureCalculator() {
    }

    static FeatureSet compute(FeatureInputs inputs) {
        FeatureSet.Builder features = new FeatureSet.Builder();
        TranscriptFeatures.add(inputs, features);
        KeywordFeatures.add(inputs, features);
        ConceptFeatures.add(inputs, features);
        LanguageFeatures.add(inputs, features);
        MediaFeatures.add(inputs, features);
        return features.build();
    }
}
