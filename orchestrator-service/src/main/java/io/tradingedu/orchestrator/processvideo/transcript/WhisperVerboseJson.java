package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OpenAI's {@code verbose_json} transcription answer. OpenAI puts words in a top-level {@code words} array;
 * faster-whisper servers put them inside each segment: both are accepted.
 */
final class WhisperVerboseJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WhisperVerboseJson() {
    }

    /** @throws IllegalArgumentException when the body is not JSON or has no {@code segments} array */
    static Transcript parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject() || !root.path("segments").isArray()) {
            throw new IllegalArgumentException("no \"segments\" array");
        }
        List<TimedWord> looseWords = words(root.path("words"));
        List<TranscriptSegment> segments = new ArrayList<>();
        int broken = 0;
        for (JsonNode s : root.path("segments")) {
            double start = s.path("start").asDouble(Double.NaN);
            double end = s.path("end").asDouble(Double.NaN);
            String text = s.path("text").asString("").strip();
            if (!(start >= 0) || !(end >= start)) {
                broken++;
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            List<TimedWord> words = s.path("words").isArray() ? words(s.path("words")) : List.of();
            segments.add(new TranscriptSegment(start, end, text, null, confidence(s), words));
        }
        if (!looseWords.isEmpty() && segments.stream().allMatch(s -> s.words().isEmpty())) {
            segments = attach(segments, looseWords);
        }
        List<String> notes = broken == 0 ? List.of()
                : List.of(broken + " whisper segment" + (broken == 1 ? "" : "s") + " with broken timing dropped");
        return new Transcript("whisper", Languages.iso(root.path("language").asString(null)), segments, notes);
    }

    /** exp(avg_logprob) is the mean per-token probability; without it, the chance that the segment is speech. */
    private static Double confidence(JsonNode segment) {
        if (segment.path("avg_logprob").isNumber()) {
            return clamp(Math.exp(segment.path("avg_logprob").asDouble()));
        }
        if (segment.path("no_speech_prob").isNumber()) {
            return clamp(1 - segment.path("no_speech_prob").asDouble());
        }
        return null;
    }

    private static List<TimedWord> words(JsonNode array) {
        List<TimedWord> words = new ArrayList<>();
        if (!array.isArray()) {
            return words;
        }
        for (JsonNode w : array) {
            String text = w.path("word").asString("").strip();
            double start = w.path("start").asDouble(Double.NaN);
            double end = w.path("end").asDouble(Double.NaN);
            if (text.isEmpty() || !(start >= 0) || !(end >= start)) {
                continue;
            }
            Double probability = w.path("probability").isNumber() ? clamp(w.path("probability").asDouble()) : null;
            words.add(new TimedWord(text, start, end, probability));
        }
        words.sort(Comparator.comparingDouble(TimedWord::start));
        return words;
    }

    /** Gives each top-level word to the segment its middle falls in (or the nearest one). */
    private static List<TranscriptSegment> attach(List<TranscriptSegment> segments, List<TimedWord> words) {
        if (segments.isEmpty()) {
            return segments;
        }
        List<List<TimedWord>> buckets = new ArrayList<>();
        segments.forEach(s -> buckets.add(new ArrayList<>(s.words())));
        for (TimedWord word : words) {
            double middle = (word.start() + word.end()) / 2;
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < segments.size(); i++) {
                TranscriptSegment s = segments.get(i);
                double distance = middle < s.start() ? s.start() - middle : middle > s.end() ? middle - s.end() : 0;
                if (distance < bestDistance) {
                    best = i;
                    bestDistance = distance;
                }
            }
            buckets.get(best).add(word);
        }
        List<TranscriptSegment> result = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment s = segments.get(i);
            List<TimedWord> own = buckets.get(i);
            own.sort(Comparator.comparingDouble(TimedWord::start));
            result.add(new TranscriptSegment(s.start(), s.end(), s.text(), s.rawText(), s.confidence(), own));
        }
        return result;
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.clamp(value, 0.0, 1.0);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
