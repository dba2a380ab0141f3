package io.tradingedu.orchestrator.clips;

import io.tradingedu.orchestrator.keywords.KeywordStore;
import io.tradingedu.orchestrator.keywords.TradingLexicon;
import io.tradingedu.orchestrator.processvideo.TranscriptStore;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What stage 4 needs from the earlier stages: the transcript, the video's duration, and the hits with importance. */
@Component
class ClipInputs {

    private final KeywordStore keywords;
    private final TranscriptStore transcripts;
    private final TradingLexicon lexicon;

    ClipInputs(KeywordStore keywords, TranscriptStore transcripts, TradingLexicon lexicon) {
        this.keywords = keywords;
        this.transcripts = transcripts;
        this.lexicon = lexicon;
    }

    record Loaded(Transcript transcript, double durationSeconds, List<ClipHit> hits) {
    }

    /** Empty when stage 2 stored nothing for the item. */
    Optional<Loaded> load(UUID mediaId) {
        Transcript transcript = transcripts.load(mediaId).orElse(null);
        Double duration = transcripts.durationSeconds(mediaId).orElse(null);
        if (transcript == null || duration == null) {
            return Optional.empty();
        }
        List<ClipHit> hits = keywords.load(mediaId).stream()
                .map(h -> new ClipHit(h.keyword(), h.category(), h.start(), h.end(), h.confidence(),
                        lexicon.importance(h.keyword()))).toList();
        return Optional.of(new Loaded(transcript, duration, hits));
    }
}
