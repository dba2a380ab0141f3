package io.tradingedu.embeddings.passage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.embeddings.passage.LessonAnalysis.Clip;
import io.tradingedu.embeddings.passage.LessonAnalysis.Frame;
import io.tradingedu.embeddings.passage.LessonAnalysis.KeywordHit;
import io.tradingedu.embeddings.passage.LessonAnalysis.Segment;
import io.tradingedu.embeddings.passage.LessonAnalysis.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PassageBuilderTest {

    private static final UUID MEDIA = UUID.randomUUID();
    private final PassageBuilder builder = new PassageBuilder(PassageProperties.defaults());

    @Test
    void transcriptWindowsLastTwentyToFortySecondsAndOverlapByOneSegment() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            segments.add(segment(i, i * 6.0, i * 6.0 + 5.5, "sentence " + i));
        }

        List<Passage> windows = transcript(builder.build(lesson(segments, List.of(), List.of(), List.of())));

        assertThat(windows).hasSizeGreaterThan(5);
        for (Passage window : windows.subList(0, windows.size() - 1)) {
            double duration = window.endSeconds() - window.startSeconds();
            assertThat(duration).isBetween(20.0, 40.0);
        }
        for (int i = 1; i < windows.size(); i++) {
            String previousLast = lastSentence(windows.get(i - 1).text());
            assertThat(windows.get(i).text()).startsWith(previousLast);
            assertThat(windows.get(i).seq()).isEqualTo(i);
        }
        assertThat(windows.getLast().text()).endsWith("sentence 29");
        assertThat(windows.getFirst().startSeconds()).isZero();
    }

    @Test
    void aLongUtteranceIsCutAtItsWordsTimes() {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            words.add(new Word("w" + i, i, i + 0.8));
            text.append("w").append(i).append(' ');
        }
        Segment utterance = new Segment(0, 0, 99.8, text.toString().strip(), words);

        List<Passage> windows = transcript(builder.build(lesson(List.of(utterance), List.of(), List.of(), List.of())));

        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(windows).allSatisfy(w -> assertThat(w.endSeconds() - w.startSeconds()).isLessThanOrEqualTo(40.0));
        assertThat(windows.getFirst().text()).startsWith("w0 w1");
        assertThat(windows.getLast().text()).endsWith("w99");
    }

    @Test
    void aLongSegmentWithoutWordTimesIsSpreadEvenly() {
        Segment utterance = segment(0, 100, 190, "alpha ".repeat(90).strip());

        List<Passage> windows = transcript(builder.build(lesson(List.of(utterance), List.of(), List.of(), List.of())));

        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(windows.getFirst().startSeconds()).isEqualTo(100.0);
        assertThat(windows.getLast().endSeconds()).isEqualTo(190.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void framesCarryTheirScreenTextAndTheSpeechAroundThemAndRepeatsAreSkipped() {
        UUID slide = UUID.randomUUID();
        List<Segment> segments = List.of(segment(0, 0, 5, "Welcome to the lesson."),
                segment(1, 30, 35, "Here the RSI is below thirty."), segment(2, 90, 95, "Far away."));
        List<Frame> frames = List.of(new Frame(slide, 0, 32, "RSI(14) oversold < 30"),
                new Frame(UUID.randomUUID(), 1, 40, "  RSI(14)   oversold < 30 "),
                new Frame(UUID.randomUUID(), 2, 60, ""));
        List<KeywordHit> hits = List.of(new KeywordHit("RSI", "technical_indicator", 31, 31.5, null),
                new KeywordHit("oversold", "technical_indicator", 32, 32, slide),
                new KeywordHit("support", "price_action", 91, 91.5, null));

        PassageBuilder.Passages built = builder.build(lesson(segments, frames, List.of(), hits));

        List<Passage> framePassages = built.passages().stream().filter(p -> p.kind() == PassageKind.FRAME).toList();
        assertThat(framePassages).singleElement().satisfies(frame -> {
            assertThat(frame.sourceId()).isEqualTo(slide);
            assertThat(frame.text()).isEqualTo("RSI(14) oversold < 30\nHere the RSI is below thirty.");
            assertThat(frame.startSeconds()).as("from the speech taken with it").isEqualTo(30.0);
            assertThat(frame.endSeconds()).isEqualTo(35.0);
            assertThat(frame.playSeconds()).as("played from the second it was shown").isEqualTo(32.0);
            assertThat(frame.keywords()).containsExactlyInAnyOrder("rsi", "oversold");
        });
        assertThat(built.notes()).contains("1 frames without on-screen text not indexed",
                "1 frames repeating the previous frame's text not indexed");
    }

    @Test
    void clipsJoinTheirKeywordsAndExcerptAndPassagesKnowTheirKeywords() {
        UUID clipId = UUID.randomUUID();
        List<Segment> segments = List.of(segment(0, 10, 15, "Put your stop loss below the swing low."));
        List<Clip> clips = List.of(new Clip(clipId, 0, 5, 23, List.of("stop loss", "swing low"), null));
        List<KeywordHit> hits = List.of(new KeywordHit("stop loss", "risk_management", 11, 11.6, null));

        PassageBuilder.Passages built = builder.build(lesson(segments, List.of(), clips, hits));

        assertThat(built.passages()).filteredOn(p -> p.kind() == PassageKind.CLIP).singleElement().satisfies(clip -> {
            assertThat(clip.sourceId()).isEqualTo(clipId);
            assertThat(clip.text()).isEqualTo("stop loss, swing low. Put your stop loss below the swing low.");
            assertThat(clip.keywords()).containsExactly("stop loss");
            assertThat(clip.categories()).containsExactly("risk_management");
        });
        assertThat(transcript(built)).singleElement()
                .satisfies(p -> assertThat(p.keywords()).containsExactly("stop loss"));
    }

    @Test
    void transcriptWindowsCarryTheirSentencesAsPartsAndShortOnesJoinTheNext() {
        List<Segment> segments = List.of(segment(0, 0, 6, "Why? Because dips in an uptrend get bought."),
                segment(1, 6, 12, "In a downtrend the same dips keep on going,"),
                segment(2, 12, 18, "and you end up catching a falling knife."));

        List<Passage> windows = transcript(builder.build(lesson(segments, List.of(), List.of(), List.of())));

        assertThat(windows).singleElement().satisfies(window -> assertThat(window.parts()).containsExactly(
                "Why? Because dips in an uptrend get bought.",
                "In a downtrend the same dips keep on going, and you end up catching a falling knife."));
    }

    @Test
    void aPassageOfOneSentenceHasNoParts() {
        List<Segment> segments = List.of(segment(0, 0, 6, "Put your stop loss below the swing low."));

        assertThat(transcript(builder.build(lesson(segments, List.of(), List.of(), List.of()))))
                .singleElement().satisfies(window -> assertThat(window.parts()).isEmpty());
    }

    @Test
    void aLessonWithNothingToIndexSaysSo() {
        PassageBuilder.Passages built = builder.build(lesson(List.of(), List.of(), List.of(), List.of()));

        assertThat(built.passages()).isEmpty();
        assertThat(built.notes()).containsExactly("no transcript");
    }

    private static List<Passage> transcript(PassageBuilder.Passages built) {
        return built.passages().stream().filter(p -> p.kind() == PassageKind.TRANSCRIPT).toList();
    }

    private static String lastSentence(String text) {
        return text.substring(text.lastIndexOf("sentence"));
    }

    private static Segment segment(int seq, double start, double end, String text) {
        return new Segment(seq, start, end, text, List.of());
    }

    private static LessonAnalysis lesson(List<Segment> segments, List<Frame> frames, List<Clip> clips,
                                         List<KeywordHit> hits) {
        return new LessonAnalysis(MEDIA, java.util.Optional.empty(), segments, frames, clips, hits);
    }
}
