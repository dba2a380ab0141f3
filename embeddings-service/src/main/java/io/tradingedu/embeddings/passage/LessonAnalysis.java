package io.tradingedu.embeddings.passage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The lesson's title (from its file name, when that says something) and what stages 2–5 stored for one media item, as this service reads it from the orchestrator's published views. */
public record LessonAnalysis(UUID mediaId, Optional<String> title, List<Segment> segments, List<Frame> frames,
                             List<Clip> clips, List<KeywordHit> keywordHits) {

    public LessonAnalysis {
        segments = List.copyOf(segments);
        frames = List.copyOf(frames);
        clips = List.copyOf(clips);
        keywordHits = List.copyOf(keywordHits);
    }

    /** A transcript segment; {@code words} are the timed words when the source had them (may be empty). */
    public record Segment(int seq, double startSeconds, double endSeconds, String text, List<Word> words) {

        public Segment {
            words = List.copyOf(words);
        }
    }

    public record Word(String text, double startSeconds, double endSeconds) {
    }

    public record Frame(UUID id, int seq, double timeSeconds, String ocrText) {
    }

    public record Clip(UUID id, int seq, double startSeconds, double endSeconds, List<String> keywords,
                       String transcriptExcerpt) {

        public Clip {
            keywords = List.copyOf(keywords);
        }
    }

    public record KeywordHit(String keyword, String category, double startSeconds, double endSeconds, UUID frameId) {
    }
}
