package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Stage 6 succeeded: the media item's passages are embedded and indexed by the embeddings service.
 *
 * @param model      the embedding model's name, stored with every vector
 * @param transcript transcript passages indexed
 * @param frames     frames indexed (OCR text with the speech around it)
 * @param clips      clips indexed (keywords with the clip's transcript)
 * @param notes      why something was not indexed (no transcript, frames without text, …)
 * @param topicSpread how widely the lesson's transcript passages range over topics: the mean cosine distance
 *                    (1 − cosine similarity) of their vectors to the vectors' centroid, 0 when every passage says the
 *                    same, larger the more they differ; null with fewer than two transcript passages (added in
 *                    schema version 1; older senders leave it out)
 */
public record MediaEmbedded(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                            String model, int transcript, int frames, int clips, double seconds, List<String> notes,
                            Double topicSpread)
        implements StageOutcome {

    public MediaEmbedded {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static MediaEmbedded of(EmbedMedia command, String model, int transcript, int frames, int clips,
                                   double seconds, List<String> notes) {
        return of(command, model, transcript, frames, clips, seconds, notes, null);
    }

    public static MediaEmbedded of(EmbedMedia command, String model, int transcript, int frames, int clips,
                                   double seconds, List<String> notes, Double topicSpread) {
        return new MediaEmbedded(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), model, transcript, frames, clips, seconds, notes, topicSpread);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EMBEDDINGS;
    }

    @Override
    public String summary() {
        String text = String.format(Locale.ROOT, "%d transcript passages, %d frames, %d clips embedded with %s in %.1f s",
                transcript, frames, clips, model, seconds)
                + (topicSpread == null ? "" : String.format(Locale.ROOT, ", topic spread %.3f", topicSpread));
        return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
    }
}
