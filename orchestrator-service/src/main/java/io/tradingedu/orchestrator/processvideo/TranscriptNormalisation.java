package io.tradingedu.orchestrator.processvideo;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import io.tradingedu.orchestrator.tradingtext.TradingTextNormaliser;
import java.util.List;

/**
 * Writes trading language the way traders read it ("r s i ... thirty" → "RSI ... 30", "two percent" → "2%"), on the
 * words and on the text, keeping the source's text as {@code rawText} when it changed.
 */
public final class TranscriptNormalisation {

    private static final TradingTextNormaliser NORMALISER = new TradingTextNormaliser();

    private TranscriptNormalisation() {
    }

    public static Transcript apply(Transcript transcript) {
        List<TranscriptSegment> segments = transcript.segments().stream().map(TranscriptNormalisation::apply).toList();
        return new Transcript(transcript.source(), transcript.language(), segments, transcript.notes());
    }

    private static TranscriptSegment apply(TranscriptSegment segment) {
        List<TimedWord> words = segment.words().isEmpty() ? List.of() : NORMALISER.normaliseWords(segment.words()
                .stream().map(w -> new TimedWord(w.text().strip(), w.start(), w.end(), w.confidence())).toList());
        String original = segment.text() == null ? "" : segment.text();
        String text = words.isEmpty() ? NORMALISER.normalise(original)
                : String.join(" ", words.stream().map(TimedWord::text).filter(w -> !w.isEmpty()).toList());
        String raw = text.equals(original) ? segment.rawText() : original;
        return new TranscriptSegment(segment.start(), segment.end(), text, raw, segment.confidence(), words);
    }
}
