package io.tradingedu.orchestrator.llama;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /llama/summaries}: a keyword and the passages api-service retrieved for it, numbered from 1 in the
 * order given. Snake_case on the wire like api-service, which is the only caller.
 *
 * @param temperature sampling temperature, 0..1 (default {@link SummaryLimits#DEFAULT_TEMPERATURE})
 */
record SummaryRequest(String keyword, List<Passage> passages, Double temperature) {

    /** One retrieved passage; the times only locate it for the model, the text is what it may use. */
    record Passage(String text, @JsonProperty("media_id") UUID mediaId,
                   @JsonProperty("start_seconds") Double startSeconds,
                   @JsonProperty("end_seconds") Double endSeconds) {
    }
}
