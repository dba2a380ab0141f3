package io.tradingedu.embeddings.passage;

import io.tradingedu.embeddings.passage.LessonAnalysis.Clip;
import io.tradingedu.embeddings.passage.LessonAnalysis.Frame;
import io.tradingedu.embeddings.passage.LessonAnalysis.KeywordHit;
import io.tradingedu.embeddings.passage.LessonAnalysis.Segment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Cuts a lesson's analysis into the passages stage 6 indexes: overlapping transcript windows, frames whose screen
 * shows text (with what was said around them), and clips (their keywords and transcript). Each passage carries the
 * lexicon keywords mentioned in its time range, which the search filters on.
 */
@Component
public class PassageBuilder {

    /** Shorter sentences are joined to the next one before they are embedded on their own. */
    static final int MIN_SENTENCE_WORDS = 5;

    /** Without punctuation a window's parts are runs of this many words (about one spoken sentence). */
    static final int UNPUNCTUATED_PART_WORDS = 15;

    private final PassageProperties properties;
    private final TranscriptWindows windows;

    public PassageBuilder(PassageProperties properties) {
        this.properties = properties;
        this.windows = new TranscriptWindows(properties);
    }

    /** The passages and, for anything left out, why. */
    public record Passages(List<Passage> passages, List<String> notes) {

        public long count(PassageKind kind) {
            return passages.stream().filter(p -> p.kind() == kind).count();
        }
    }

    public Passages build(LessonAnalysis lesson) {
        List<Passage> passages = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        transcript(lesson, passages, notes);
        frames(lesson, passages, notes);
        clips(lesson, passages);
        return new Passages(passages, notes);
    }

    private void transcript(LessonAnalysis lesson, List<Passage> passages, List<String> notes) {
        if (lesson.segments().isEmpty()) {
            notes.add("no transcript");
            return;
        }
        int seq = 0;
        for (TranscriptWindows.Window window : windows.cut(lesson.segments())) {
            passages.add(passage(lesson, PassageKind.TRANSCRIPT, seq++, null, window.start(), window.end(), window.start(),
                    window.text(), hit -> hit.frameId() == null));
        }
    }

    private void frames(LessonAnalysis lesson, List<Passage> passages, List<String> notes) {
        int withoutText = 0;
        int repeated = 0;
        String previous = null;
        int seq = 0;
        for (Frame frame : lesson.frames()) {
            String screen = frame.ocrText() == null ? "" : frame.ocrText().strip();
            if (screen.isEmpty()) {
                withoutText++;
                continue;
            }
            String comparable = screen.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (comparable.equals(previous)) {
                repeated++;
                continue;
            }
            previous = comparable;
            double reach = properties.frameSpeech().toMillis() / 1000.0;
            double from = frame.timeSeconds() - reach;
            double to = frame.timeSeconds() + reach;
            List<Segment> around = segmentsBetween(lesson.segments(), from, to);
            String speech = join(around);
            String text = speech.isEmpty() ? screen : screen + "\n" + speech;
            // the passage is what it holds: the screen at its moment and the speech taken with it, so its range spans
            // both (a question answered in that speech lands on this passage's range)
            double start = Math.min(frame.timeSeconds(),
                    around.stream().mapToDouble(Segment::startSeconds).min().orElse(frame.timeSeconds()));
            double end = Math.max(frame.timeSeconds(),
                    around.stream().mapToDouble(Segment::endSeconds).max().orElse(frame.timeSeconds()));
            passages.add(passage(lesson, PassageKind.FRAME, seq++, frame.id(), start, end, frame.timeSeconds(), text,
                    hit -> frame.id().equals(hit.frameId())
                            || hit.frameId() == null && hit.startSeconds() >= from && hit.startSeconds() <= to));
        }
        if (withoutText > 0) {
            notes.add(withoutText + " frames without on-screen text not indexed");
        }
        if (repeated > 0) {
            notes.add(repeated + " frames repeating the previous frame's text not indexed");
        }
    }

    private void clips(LessonAnalysis lesson, List<Passage> passages) {
        for (Clip clip : lesson.clips()) {
            String excerpt = clip.transcriptExcerpt() == null ? "" : clip.transcriptExcerpt().strip();
            if (excerpt.isEmpty()) {
                excerpt = speechBetween(lesson.segments(), clip.startSeconds(), clip.endSeconds());
            }
            String about = String.join(", ", clip.keywords());
            String text = excerpt.isEmpty() ? about : about.isEmpty() ? excerpt : about + ". " + excerpt;
            if (text.isBlank()) {
                continue;
            }
            passages.add(passage(lesson, PassageKind.CLIP, clip.seq(), clip.id(), clip.startSeconds(),
                    clip.endSeconds(), clip.startSeconds(), text, hit -> hit.frameId() == null));
        }
    }

    private Passage passage(LessonAnalysis lesson, PassageKind kind, int seq, UUID sourceId, double start, double end,
                            double play, String text, Predicate<KeywordHit> relevant) {
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (KeywordHit hit : lesson.keywordHits()) {
            boolean inRange = kind == PassageKind.FRAME
                    || hit.startSeconds() >= start && hit.startSeconds() <= end;
            if (inRange && relevant.test(hit)) {
                keywords.add(hit.keyword().toLowerCase(Locale.ROOT));
                categories.add(hit.category());
            }
        }
        String bounded = text.length() <= properties.maxChars() ? text : text.substring(0, properties.maxChars());
        return new Passage(kind, seq, sourceId, start, end, play, bounded, List.copyOf(keywords),
                List.copyOf(categories),
                parts(kind, bounded));
    }

    /**
     * The parts of a passage embedded on their own besides the whole: a transcript window's sentences (when it has
     * more than one). A frame's or a clip's text is already short and about one thing.
     */
    public static List<String> parts(PassageKind kind, String text) {
        if (kind != PassageKind.TRANSCRIPT) {
            return List.of();
        }
        List<String> parts = Sentences.of(text, MIN_SENTENCE_WORDS);
        if (parts.size() <= 1) {
            // a recogniser's text has no punctuation: sentence-sized runs of words instead
            parts = wordRuns(text, UNPUNCTUATED_PART_WORDS);
        }
        return parts.size() > 1 ? parts : List.of();
    }

    private static List<String> wordRuns(String text, int size) {
        String[] words = text.strip().split("\\s+");
        List<String> runs = new ArrayList<>();
        for (int from = 0; from < words.length; from += size) {
            runs.add(String.join(" ", java.util.Arrays.copyOfRange(words, from, Math.min(words.length, from + size))));
        }
        return runs;
    }

    private static String speechBetween(List<Segment> segments, double from, double to) {
        return join(segmentsBetween(segments, from, to));
    }

    /** The segments with speech that overlap [from, to], in order. */
    private static List<Segment> segmentsBetween(List<Segment> segments, double from, double to) {
        return segments.stream().filter(segment -> segment.endSeconds() >= from && segment.startSeconds() <= to
                && !segment.text().isBlank()).toList();
    }

    private static String join(List<Segment> segments) {
        StringBuilder speech = new StringBuilder();
        for (Segment segment : segments) {
            if (!speech.isEmpty()) {
                speech.append(' ');
            }
            speech.append(segment.text().strip());
        }
        return speech.toString();
    }
}
