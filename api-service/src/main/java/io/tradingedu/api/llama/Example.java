package io.tradingedu.api.llama;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * One instruction/response pair for fine-tuning, built from what the stages found in a lesson; {@code source} says
 * where, so every pair can be traced to the minute of video it came from.
 *
 * @param embedding the example's vector (instruction, input and response embedded together), when asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Example(
        @Schema(example = "What does the lesson say about RSI?") String instruction,
        @Schema(description = "the lesson's words the response is grounded in") String input,
        @Schema(example = "RSI(2) < 5") String response,
        Source source,
        float[] embedding) {

    /**
     * @param kind    concept (a stated rule → its strategy-language text), transcript (an excerpt around a keyword
     *                → the concept stated in it), keywords (an excerpt → the trading terms it uses) or strategy (a
     *                lesson's evidence → the candidate strategy's compact text)
     * @param id      the concept's, keyword hit's or strategy's id
     * @param play    an absolute link that plays the moment
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(String kind, UUID mediaId, double startSeconds, double endSeconds, UUID id, String keyword,
                  String category, String decision, String play) {
    }

    Example(String instruction, String input, String response, Source source) {
        this(instruction, input, response, source, null);
    }

    /** The text its embedding is computed from. */
    String embeddingText() {
        return instruction + "\n\n" + input + "\n\n" + response;
    }

    Example withEmbedding(float[] vector) {
        return new Example(instruction, input, response, source, vector);
    }
}
