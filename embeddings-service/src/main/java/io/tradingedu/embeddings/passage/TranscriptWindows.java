package io.tradingedu.embeddings.passage;

import io.tradingedu.embeddings.passage.LessonAnalysis.Segment;
import io.tradingedu.embeddings.passage.LessonAnalysis.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges transcript segments into windows of {@code minWindow}–{@code maxWindow} seconds that overlap by one short
 * segment. Segments longer than a window (a recogniser's long utterance) are first cut at word boundaries, using the
 * words' times when the transcript has them and an even spread of the words over the segment otherwise.
 */
final class TranscriptWindows {

    /** A piece of speech no longer than a window. */
    record Piece(double start, double end, String text) {

        double duration() {
            return end - start;
        }
    }

    record Window(double start, double end, String text) {
    }

    private final double minWindow;
    private final double maxWindow;
    private final double maxOverlap;

    TranscriptWindows(PassageProperties properties) {
        this.minWindow = properties.minWindow().toMillis() / 1000.0;
        this.maxWindow = properties.maxWindow().toMillis() / 1000.0;
        this.maxOverlap = properties.maxOverlap().toMillis() / 1000.0;
    }

    List<Window> cut(List<Segment> segments) {
        List<Piece> pieces = new ArrayList<>();
        for (Segment segment : segments) {
            if (!segment.text().isBlank()) {
                pieces.addAll(split(segment));
            }
        }
        List<Window> windows = new ArrayList<>();
        int first = 0;
        while (first < pieces.size()) {
            int last = first;
            while (last + 1 < pieces.size()
                    && pieces.get(last).end() - pieces.get(first).start() < minWindow
                    && pieces.get(last + 1).end() - pieces.get(first).start() <= maxWindow) {
                last++;
            }
            windows.add(window(pieces.subList(first, last + 1)));
            if (last + 1 >= pieces.size()) {
                break;
            }
            boolean overlap = last > first && pieces.get(last).duration() <= maxOverlap;
            first = overlap ? last : last + 1;
        }
        return windows;
    }

    private static Window window(List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(piece.text().strip());
        }
        return new Window(pieces.getFirst().start(), pieces.getLast().end(), text.toString());
    }

    private List<Piece> split(Segment segment) {
        double duration = segment.endSeconds() - segment.startSeconds();
        if (duration <= maxWindow) {
            return List.of(new Piece(segment.startSeconds(), segment.endSeconds(), segment.text()));
        }
        List<Word> words = segment.words().isEmpty() ? spread(segment) : segment.words();
        double pieceLength = maxWindow / 2;
        List<Piece> pieces = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word word : words) {
            if (!current.isEmpty() && word.endSeconds() - current.getFirst().startSeconds() > pieceLength) {
                pieces.add(piece(current));
                current = new ArrayList<>();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            pieces.add(piece(current));
        }
        return pieces;
    }

    private static Piece piece(List<Word> words) {
        return new Piece(words.getFirst().startSeconds(), words.getLast().endSeconds(),
                String.join(" ", words.stream().map(Word::text).toList()));
    }

    /** Without word times, each word gets an equal share of the segment's time. */
    private static List<Word> spread(Segment segment) {
        String[] tokens = segment.text().strip().split("\\s+");
        double share = (segment.endSeconds() - segment.startSeconds()) / tokens.length;
        List<Word> words = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            double start = segment.startSeconds() + i * share;
            words.add(new Word(tokens[i], start, start + share));
        }
        return words;
    }
}
