package io.tradingedu.orchestrator.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeywordLocatorTest {

    private static final KeywordLocator LOCATOR = new KeywordLocator(TradingLexicon.standard());

    /** Words from "text", each 0.5 s long with a 0.1 s pause, starting at {@code start}, with given confidences. */
    private static List<TimedWord> words(double start, String text, double... confidences) {
        String[] tokens = text.split(" ");
        List<TimedWord> words = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            double t = start + i * 0.6;
            words.add(new TimedWord(tokens[i], t, t + 0.5, confidences.length == 0 ? null : confidences[i]));
        }
        return words;
    }

    private static Transcript transcript(String source, TranscriptSegment... segments) {
        return new Transcript(source, "en", List.of(segments), List.of());
    }

    @Test
    void wordTimedMentionTakesItsWordsTimesAndConfidence() {
        String text = "we set a stop loss below support";
        var segment = new TranscriptSegment(10, 14.2, text, null, 0.5,
                words(10, text, 0.9, 0.9, 0.9, 0.8, 0.6, 0.9, 0.7));

        List<KeywordHit> hits = LOCATOR.inTranscript(transcript("whisper", segment));

        assertThat(hits).hasSize(2);
        KeywordHit stopLoss = hits.getFirst();
        assertThat(stopLoss.keyword()).isEqualTo("stop loss");
        assertThat(stopLoss.category()).isEqualTo("risk_management");
        assertThat(stopLoss.matchedText()).isEqualTo("stop loss");
        assertThat(stopLoss.start()).isEqualTo(11.8);   // "stop" is the 4th word
        assertThat(stopLoss.end()).isEqualTo(12.9);     // "loss" ends 0.5 s after 12.4
        assertThat(stopLoss.confidence()).isCloseTo(0.7, within(1e-9));  // mean(0.8, 0.6) x 1.0
        assertThat(stopLoss.source()).isEqualTo("transcript");
        assertThat(stopLoss.frameId()).isNull();
        assertThat(stopLoss.context()).isEqualTo(text);
        KeywordHit support = hits.get(1);
        assertThat(support.start()).isEqualTo(13.6);
        assertThat(support.end()).isEqualTo(14.1);
        assertThat(support.confidence()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void alignsNormalisedTextToTheRecognisersRawWords() {
        // The normaliser turned "r s i" into "RSI" and "two percent" into "2%"; the words stay as recognised.
        var segment = new TranscriptSegment(0, 6, "the RSI then 2% stop loss", null, null,
                words(0, "the r s i then two percent stop loss", 1, 0.9, 0.6, 0.9, 1, 1, 1, 0.5, 0.7));

        List<KeywordHit> hits = LOCATOR.inTranscript(transcript("pocketsphinx", segment));

        assertThat(hits).extracting(KeywordHit::keyword).containsExactly("rsi", "stop loss");
        KeywordHit rsi = hits.getFirst();
        assertThat(rsi.matchedText()).isEqualTo("RSI");
        assertThat(rsi.start()).isEqualTo(0.6);   // "r"
        assertThat(rsi.end()).isEqualTo(2.3);     // "i" = 1.8 + 0.5
        assertThat(rsi.confidence()).isCloseTo(0.8, within(1e-9));
        KeywordHit stopLoss = hits.get(1);        // alignment recovers after the unmatched "2%"
        assertThat(stopLoss.start()).isEqualTo(4.2);
        assertThat(stopLoss.end()).isEqualTo(5.3);
        assertThat(stopLoss.confidence()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void mentionInAnUnalignedTokenIsInterpolatedBetweenAlignedNeighbours() {
        // "2%" has no word of its own ("two percent"): its time lies between the aligned "the" and "rule".
        var segment = new TranscriptSegment(0, 3, "the 2% rule", null, null,
                words(0, "the two percent rule"));

        KeywordHit hit = LOCATOR.inTranscript(transcript("whisper", segment)).getFirst();

        assertThat(hit.keyword()).isEqualTo("2% rule");
        assertThat(hit.start()).isGreaterThan(0.5).isLessThan(1.8);  // after "the" ends, before "rule" starts
        assertThat(hit.end()).isEqualTo(2.3);                        // "rule" is aligned: its own end
    }

    @Test
    void withoutWordTimesTimeIsProportionalToCharacterPosition() {
        String text = "price broke the resistance level today";  // 38 characters
        var segment = new TranscriptSegment(20, 39, text, null, null, List.of());

        KeywordHit hit = LOCATOR.inTranscript(transcript("subtitle-stream", segment)).getFirst();

        assertThat(hit.keyword()).isEqualTo("resistance");
        assertThat(hit.matchedText()).isEqualTo("resistance level");
        int from = text.indexOf("resistance");
        int to = from + "resistance level".length();
        assertThat(hit.start()).isCloseTo(20 + 19.0 * from / text.length(), within(0.001));
        assertThat(hit.end()).isCloseTo(20 + 19.0 * to / text.length(), within(0.001));
        assertThat(hit.confidence()).isEqualTo(1.0);
    }

    @Test
    void namesTheSourceAfterWhereTheTranscriptCameFrom() {
        var segment = new TranscriptSegment(0, 2, "the MACD", null, null, List.of());

        assertThat(LOCATOR.inTranscript(transcript("subtitle-stream", segment))).extracting(KeywordHit::source)
                .containsExactly("subtitle");
        assertThat(LOCATOR.inTranscript(transcript("sidecar", segment))).extracting(KeywordHit::source)
                .containsExactly("subtitle");
        assertThat(LOCATOR.inTranscript(transcript("whisper", segment))).extracting(KeywordHit::source)
                .containsExactly("transcript");
        assertThat(LOCATOR.inTranscript(transcript("pocketsphinx", segment))).extracting(KeywordHit::source)
                .containsExactly("transcript");
        assertThat(LOCATOR.inTranscript(Transcript.none(List.of("no audio")))).isEmpty();
    }

    @Test
    void confidenceIsSourceConfidenceTimesMatchQuality() {
        var withSegmentConfidence = new TranscriptSegment(0, 4, "watch the bolinger bands", null, 0.8, List.of());
        var subtitle = new TranscriptSegment(0, 4, "watch the bolinger bands", null, null, List.of());

        assertThat(LOCATOR.inTranscript(transcript("whisper", withSegmentConfidence)).getFirst().confidence())
                .isCloseTo(0.8 * 0.85, within(1e-9));
        assertThat(LOCATOR.inTranscript(transcript("sidecar", subtitle)).getFirst().confidence())
                .isCloseTo(0.85, within(1e-9));
    }

    @Test
    void termSplitAcrossTwoCuesIsOneHitSpanningBoth() {
        var first = new TranscriptSegment(5, 7, "when the fast moving", null, null, List.of());
        var second = new TranscriptSegment(7, 9, "average turns up", null, null, List.of());

        List<KeywordHit> hits = LOCATOR.inTranscript(transcript("subtitle-stream", first, second));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.keyword()).isEqualTo("moving average");
            assertThat(hit.start()).isCloseTo(5 + 2.0 * 14 / 20, within(0.001));
            assertThat(hit.end()).isCloseTo(7 + 2.0 * 7 / 16, within(0.001));
            assertThat(hit.context()).isEqualTo("when the fast moving average turns up");
        });
    }

    @Test
    void contextIsTheSentenceOrAWindowCutBetweenWords() {
        var segment = new TranscriptSegment(0, 30, "First we draw levels. Then the fibonacci retracement "
                + "shows where the pullback may end! Last sentence here.", null, null, List.of());

        assertThat(LOCATOR.inTranscript(transcript("sidecar", segment))).first().satisfies(hit -> assertThat(
                hit.context()).isEqualTo("Then the fibonacci retracement shows where the pullback may end!"));

        String filler = "and then we keep talking about everything else that is not relevant at all ";
        String speech = filler.repeat(3) + "until the ichimoku cloud turns " + filler.repeat(3);
        var unpunctuated = new TranscriptSegment(0, 60, speech.strip(), null, null, List.of());
        KeywordHit hit = LOCATOR.inTranscript(transcript("pocketsphinx", unpunctuated)).getFirst();

        assertThat(hit.context()).contains("ichimoku cloud").hasSizeLessThanOrEqualTo(Contexts.WIDTH)
                .hasSizeGreaterThan(Contexts.WIDTH - 20);
        assertThat(speech).contains(" " + hit.context() + " ");  // starts and ends on whole words
    }

    @Test
    void slideOnScreenOverConsecutiveFramesIsOneHit() throws Exception {
        UUID f0 = UUID.randomUUID();
        UUID f4 = UUID.randomUUID();
        List<FrameText> frames = List.of(
                new FrameText(UUID.randomUUID(), 10, "RSI(14) 28.5\nOversold", 0.9),
                new FrameText(f0, 0, "RSI Divergence\nRSI(14)", 0.9),
                new FrameText(UUID.randomUUID(), 5, "RSI(14) 31.2", 0.5),
                new FrameText(UUID.randomUUID(), 15, "Thanks for watching", 0.9),
                new FrameText(f4, 20, "RSI(14) again", null));

        List<KeywordHit> hits = LOCATOR.onScreen(frames, Checkpoint.NONE);

        assertThat(hits).extracting(KeywordHit::keyword, KeywordHit::start, KeywordHit::end).containsExactly(
                tuple("divergence", 0.0, 5.0),
                tuple("rsi", 0.0, 15.0),
                tuple("oversold", 10.0, 15.0),
                tuple("rsi", 20.0, 25.0));
        assertThat(hits).allSatisfy(hit -> assertThat(hit.source()).isEqualTo("ocr"));
        KeywordHit first = hits.get(1);
        assertThat(first.frameId()).isEqualTo(f0);
        assertThat(first.confidence()).isCloseTo(0.9, within(1e-9));
        assertThat(first.context()).isEqualTo("RSI Divergence");  // the first mention in the frame
        assertThat(hits.getLast().frameId()).isEqualTo(f4);
        assertThat(hits.getLast().confidence()).isEqualTo(1.0);
    }

    @Test
    void ocrConfidenceIsFrameConfidenceTimesMatchQuality() throws Exception {
        var frame = new FrameText(UUID.randomUUID(), 3, "Bolinger Bands (20, 2)", 0.8);

        KeywordHit hit = LOCATOR.onScreen(List.of(frame), Checkpoint.NONE).getFirst();

        assertThat(hit.confidence()).isCloseTo(0.8 * 0.85, within(1e-9));
        assertThat(hit.start()).isEqualTo(3.0);
        assertThat(hit.end()).isEqualTo(3.0 + OnScreenKeywords.SINGLE_FRAME_SECONDS);
    }

    @Test
    void locateMergesSpeechAndScreenInTimeOrder() throws Exception {
        var segment = new TranscriptSegment(4, 6, "place a take profit", null, null, List.of());
        var frame = new FrameText(UUID.randomUUID(), 1, "Head & Shoulders", 0.95);

        List<KeywordHit> hits = LOCATOR.locate(transcript("whisper", segment), List.of(frame), Checkpoint.NONE);

        assertThat(LOCATOR.locate(transcript("whisper", segment), List.of(frame))).isEqualTo(hits);
        assertThat(LOCATOR.lexiconVersion()).isEqualTo(TradingLexicon.standard().version());
        assertThat(hits).extracting(KeywordHit::keyword, KeywordHit::source).containsExactly(
                tuple("head and shoulders", "ocr"),
                tuple("take profit", "transcript"));
    }

    @Test
    void stopsWhenCancelled() {
        var frame = new FrameText(UUID.randomUUID(), 1, "RSI", 0.95);
        Checkpoint cancelled = () -> {
            throw new InterruptedException("cancelled");
        };

        assertThatThrownBy(() -> LOCATOR.onScreen(List.of(frame), cancelled)).isInstanceOf(
                InterruptedException.class);
    }

    @Test
    void rejectsOcrConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new FrameText(UUID.randomUUID(), 1, "RSI", 87.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new FrameText(UUID.randomUUID(), -1, "RSI", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
