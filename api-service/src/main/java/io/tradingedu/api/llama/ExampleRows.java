package io.tradingedu.api.llama;

import java.util.List;
import java.util.UUID;

/** What {@link ExampleReader} reads from the published views, before it becomes an {@link Example}. */
final class ExampleRows {

    private ExampleRows() {
    }

    /** A stage 5 concept with a strategy-language text form; {@code role} is entry, exit or filter for conditions. */
    record ConceptRow(UUID id, UUID mediaId, String kind, String name, String role, String textForm, double start,
                      double end, String quote) {
    }

    /**
     * A spoken keyword hit with the transcript around it ({@code excerptFrom}..{@code excerptTo}), the concept
     * stated nearest to it in that stretch (absent: {@code conceptId} null) and every keyword spoken in it.
     */
    record HitRow(UUID id, UUID mediaId, String keyword, String category, double start, double end, String excerpt,
                  double excerptFrom, double excerptTo, UUID conceptId, String conceptQuote, String conceptText,
                  String terms) {
    }

    /** A candidate strategy with the quotes it was built from. */
    record StrategyRow(UUID id, UUID mediaId, String name, String textForm, String decision,
                       List<Evidence> evidence) {
    }

    record Evidence(String quote, Double start, Double end) {
    }
}
