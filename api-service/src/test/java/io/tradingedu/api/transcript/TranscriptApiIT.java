package io.tradingedu.api.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** {@code GET /transcript/{media_id}} in its four formats, over rows written into the orchestrator's tables. */
class TranscriptApiIT extends AnalysisApiSupport {

    @Test
    void jsonCarriesTheTranscriptWithTimedSegmentsAndWords() throws Exception {
        UUID media = withTranscript();

        ResponseEntity<Map> answer = http.get().uri("/transcript/{id}", media).retrieve().toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/json");
        Map<String, Object> body = answer.getBody();
        assertThat(body).containsEntry("media_id", media.toString()).containsEntry("source", "pocketsphinx")
                .containsEntry("language", "en").containsEntry("duration_seconds", 3725.5)
                .containsEntry("word_count", 9).containsEntry("mean_confidence", 0.81)
                .containsEntry("notes", "no subtitles").containsEntry("truncated", false);
        List<Map<String, Object>> segments = (List<Map<String, Object>>) body.get("segments");
        assertThat(segments).hasSize(4);
        assertThat(segments.getFirst()).containsEntry("start", 1.25).containsEntry("end", 3.0)
                .containsEntry("text", "buy when RSI is below 30").containsEntry("confidence", 0.9);
        assertThat((List<Map<String, Object>>) segments.getFirst().get("words")).first()
                .isEqualTo(Map.of("word", "buy", "start", 1.25, "end", 1.5, "confidence", 0.95));
        assertThat((List<?>) segments.get(1).get("words")).isEmpty();
    }

    @Test
    void srtHasNumberedCuesWithCommaMilliseconds() throws Exception {
        UUID media = withTranscript();

        ResponseEntity<String> answer = http.get().uri("/transcript/{id}?format=srt", media).retrieve()
                .toEntity(String.class);

        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/x-subrip;charset=UTF-8");
        assertThat(answer.getBody()).isEqualTo("""
                1
                00:00:01,250 --> 00:00:03,000
                buy when RSI is below 30

                2
                00:00:03,500 --> 00:00:05,125
                set a stop loss -> under the low

                3
                01:02:03,004 --> 01:02:05,000
                risk < 2% & done

                """);
    }

    @Test
    void vttHasTheHeaderDotMillisecondsAndEscapedText() throws Exception {
        UUID media = withTranscript();

        ResponseEntity<String> answer = http.get().uri("/transcript/{id}?format=vtt", media).retrieve()
                .toEntity(String.class);

        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/vtt;charset=UTF-8");
        assertThat(answer.getBody()).isEqualTo("""
                WEBVTT

                00:00:01.250 --> 00:00:03.000
                buy when RSI is below 30

                00:00:03.500 --> 00:00:05.125
                set a stop loss -&gt; under the low

                01:02:03.004 --> 01:02:05.000
                risk &lt; 2% &amp; done

                """);
    }

    @Test
    void textIsOneSegmentPerLine() throws Exception {
        UUID media = withTranscript();

        ResponseEntity<String> answer = http.get().uri("/transcript/{id}?format=TEXT", media).retrieve()
                .toEntity(String.class);

        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(answer.getBody()).isEqualTo("""
                buy when RSI is below 30
                set a stop loss -> under the low
                risk < 2% & done
                """);
    }

    @Test
    void anotherFormatIs400ListingTheAllowedOnes() throws Exception {
        UUID media = withTranscript();

        ResponseEntity<Map> answer = http.get().uri("/transcript/{id}?format=docx", media).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("field", "format")
                .containsEntry("type", "https://tradingedu.io/problems/bad-parameter");
        assertThat((String) answer.getBody().get("detail")).contains("json, text, srt, vtt").contains("docx");
    }

    @Test
    void unknownMediaIs404() {
        ResponseEntity<Map> answer = http.get().uri("/transcript/{id}", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/media-not-found");
    }

    @Test
    void itemWithoutTranscriptIs404SayingWhereItsRunIs() throws Exception {
        UUID notStarted = catalogued("waiting.mp4");
        UUID transcribing = catalogued("transcribing.mp4");
        UUID run = runOf(transcribing);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO pipeline.pipeline_run (id, media_id, media_path, status, current_stage, created_at,
                    updated_at, version) VALUES (?, ?, '/nowhere.mp4', 'RUNNING', 'PROCESS_VIDEO', ?, ?, 0)""",
                run, transcribing, now, now);
        try {
            jdbc.update("""
                    INSERT INTO pipeline.stage_execution (run_id, stage, position, status, attempt, max_attempt,
                        started_at, finished_at, summary) VALUES (?, 'VALIDATE', 1, 'SUCCEEDED', 1, 3, ?, ?, 'ok')""",
                    run, now, now);
            jdbc.update("""
                    INSERT INTO pipeline.stage_execution (run_id, stage, position, status, attempt, max_attempt,
                        started_at, progress) VALUES (?, 'PROCESS_VIDEO', 2, 'RUNNING', 1, 3, ?, 'transcribing 40%')""",
                    run, now);

            ResponseEntity<Map> atStage = http.get().uri("/transcript/{id}", transcribing).retrieve()
                    .toEntity(Map.class);
            ResponseEntity<Map> waiting = http.get().uri("/transcript/{id}?format=srt", notStarted).retrieve()
                    .toEntity(Map.class);
            Map<String, Object> item = http.get().uri("/media_items/{id}", transcribing).retrieve().body(Map.class);

            assertThat(atStage.getStatusCode().value()).isEqualTo(404);
            assertThat(atStage.getBody()).containsEntry("type", "https://tradingedu.io/problems/transcript-not-found")
                    .containsEntry("detail", "no transcript yet for media " + transcribing
                            + ": the item's run is at stage process-video (running: transcribing 40%)");
            assertThat(waiting.getStatusCode().value()).isEqualTo(404);
            assertThat((String) waiting.getBody().get("detail")).endsWith("the item's run has not started yet");
            Map<String, Object> runView = (Map<String, Object>) item.get("run");
            List<Map<String, Object>> stages = (List<Map<String, Object>>) runView.get("stages");
            assertThat(stages).extracting(s -> s.get("progress")).containsExactly(null, "transcribing 40%");
        } finally {
            jdbc.update("DELETE FROM pipeline.pipeline_run WHERE id = ?", run);
        }
    }

    /** A transcript of three segments; the last one more than an hour in, with characters cue text must escape. */
    private UUID withTranscript() throws Exception {
        UUID media = catalogued("lesson.mp4");
        jdbc.update("""
                INSERT INTO analysis.transcript (media_id, run_id, source, language, duration_seconds, word_count,
                    mean_confidence, notes, created_at) VALUES (?, ?, 'pocketsphinx', 'en', 3725.5, 9, 0.81,
                    'no subtitles', now())""", media, runOf(media));
        segment(media, 0, 1.25, 3.0, "buy when RSI is below 30", 0.9, """
                [{"w": "buy", "s": 1.25, "e": 1.5, "c": 0.95}, {"w": "when", "s": 1.5, "e": 1.7, "c": 0.9}]""");
        segment(media, 1, 3.5, 5.125, "set a stop loss\n\n--> under the low", null, null);
        segment(media, 2, 3723.004, 3725.0, "risk < 2% & done", 0.7, null);
        segment(media, 3, 3725.0, 3725.5, "   ", null, null);
        return media;
    }

    private void segment(UUID media, int seq, double start, double end, String text, Double confidence, String words) {
        jdbc.update("""
                INSERT INTO analysis.transcript_segment (media_id, seq, start_seconds, end_seconds, text, confidence,
                    words) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""", media, seq, start, end, text, confidence, words);
    }
}
