package io.tradingedu.orchestrator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.orchestrator.keywords.KeywordHit;
import io.tradingedu.orchestrator.keywords.KeywordLocator;
import io.tradingedu.orchestrator.keywords.KeywordStore;
import io.tradingedu.orchestrator.keywords.TradingLexicon;
import io.tradingedu.orchestrator.processvideo.TranscriptStore;
import io.tradingedu.orchestrator.processvideo.transcript.Speech;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.RunNotFoundException;
import io.tradingedu.orchestrator.run.RunService;
import io.tradingedu.orchestrator.validate.TestVideos;
import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Stages 1–5 end to end on generated lessons: slides with trading text, Festival's narration, with or without a
 * subtitle track. Real ffmpeg, tesseract and pocketsphinx against the local PostgreSQL and Kafka.
 */
@OrchestratorIT
class MediaPipelineIT {

    @TempDir
    static Path dir;
    static TestLessons.Lesson subtitled;
    static TestLessons.Lesson narrated;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RunService runs;
    @Autowired
    TranscriptStore transcripts;
    @Autowired
    KeywordStore keywords;
    @Autowired
    TradingLexicon lexicon;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void generate() throws Exception {
        subtitled = TestLessons.generate(dir, "subtitled", TestLessons.RSI_LESSON, true);
        narrated = TestLessons.generate(dir, "narrated", TestLessons.RSI_LESSON, false);
    }

    @Test
    void subtitledLessonGetsItsExactTranscriptKeywordsClipsAndConcepts() throws Exception {
        MediaIngested ingested = ingest(copy(subtitled.video(), "a"));

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
        Transcript transcript = transcripts.load(ingested.mediaId()).orElseThrow();
        assertThat(transcript.source()).isEqualTo("subtitle-stream");
        assertThat(transcript.segments()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            TranscriptSegment segment = transcript.segments().get(i);
            String spoken = segment.rawText() == null ? segment.text() : segment.rawText();
            assertThat(spoken).isEqualTo(subtitled.slides().get(i).narration());
            assertThat(segment.start()).isCloseTo(subtitled.times().get(i)[0], within(0.002));
            assertThat(segment.end()).isCloseTo(subtitled.times().get(i)[1], within(0.002));
        }
        assertThat(transcript.segments().getFirst().text()).contains("14-day RSI drops below 30");

        List<KeywordHit> hits = keywords.load(ingested.mediaId());
        assertSpokenWithinItsCue(hits, "rsi", 0);
        assertSpokenWithinItsCue(hits, "moving average", 1);
        assertSpokenWithinItsCue(hits, "stop loss", 1);
        assertSpokenWithinItsCue(hits, "take profit", 2);
        assertThat(hits).anyMatch(h -> h.source().equals("ocr") && h.keyword().equals("rsi"));

        List<Map<String, Object>> clips = jdbc.queryForList(
                "SELECT * FROM analysis.clips_v1 WHERE media_id = ? ORDER BY seq", ingested.mediaId());
        assertThat(clips).isNotEmpty();
        for (Map<String, Object> clip : clips) {
            double planned = (Double) clip.get("end_seconds") - (Double) clip.get("start_seconds");
            assertThat((Double) clip.get("duration_seconds")).isCloseTo(planned, within(0.1));
            assertThat(Path.of((String) clip.get("file_path"))).exists().startsWith(dir);
            assertThat(Path.of((String) clip.get("thumbnail_path"))).exists();
        }

        List<String> concepts = jdbc.queryForList(
                "SELECT kind || ' ' || coalesce(text_form, name) FROM analysis.concepts_v1 WHERE media_id = ?",
                String.class, ingested.mediaId());
        assertThat(concepts).contains("indicator RSI(14)", "condition RSI(14) < 30", "indicator SMA(200)",
                "risk_rule stop_loss: 2%", "direction direction: long");
        assertThat(concepts).anyMatch(c -> c.startsWith("condition RSI(14) crosses above 70"));
        assertThat(run.stage(PipelineStage.PROCESS_VIDEO).getSummary()).startsWith("transcript from subtitle-stream");
    }

    @Test
    void narrationWithoutSubtitlesIsTranscribedByPocketsphinxAndItsTradingTermsFound() throws Exception {
        MediaIngested ingested = ingest(copy(narrated.video(), "b"));

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
        Transcript transcript = transcripts.load(ingested.mediaId()).orElseThrow();
        assertThat(transcript.source()).isEqualTo("pocketsphinx");
        String reference = narrated.slides().stream().map(TestLessons.Slide::narration)
                .collect(Collectors.joining(" "));
        String recognised = transcript.segments().stream()
                .map(s -> s.rawText() == null ? s.text() : s.rawText()).collect(Collectors.joining(" "));
        assertThat(Speech.wordErrorRate(reference, recognised)).as(recognised).isLessThanOrEqualTo(0.20);

        Map<String, Integer> spoken = count(new KeywordLocator(lexicon).inTranscript(referenceTranscript()));
        Map<String, Integer> heard = count(keywords.load(ingested.mediaId()).stream()
                .filter(h -> h.source().equals("transcript")).toList());
        int expected = spoken.values().stream().mapToInt(Integer::intValue).sum();
        int found = spoken.entrySet().stream().mapToInt(e -> Math.min(e.getValue(), heard.getOrDefault(e.getKey(), 0)))
                .sum();
        assertThat(expected).isGreaterThanOrEqualTo(5);
        assertThat((double) found / expected).as("spoken %s, heard %s", spoken, heard).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void videoWithoutAudioCompletesWithAnEmptyTranscriptAndSaysWhy() throws Exception {
        MediaIngested ingested = ingest(TestVideos.silentMp4(dir, "no-audio.mp4"));

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
        Transcript transcript = transcripts.load(ingested.mediaId()).orElseThrow();
        assertThat(transcript.source()).isEqualTo("none");
        assertThat(String.join("; ", transcript.notes())).contains("no audio");
        assertThat(run.stage(PipelineStage.GENERATE_CLIPS).getSummary()).startsWith("0 clips");
    }

    @Test
    void silentSlateCompletesWithoutTranscriptOrScreenTextAndSaysWhy() throws Exception {
        Path video = TestVideos.silentAudioMp4(Files.createDirectories(dir.resolve("silent")), "lesson.mp4");
        MediaIngested ingested = ingest(video);

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
        Transcript transcript = transcripts.load(ingested.mediaId()).orElseThrow();
        assertThat(transcript.source()).isEqualTo("none");
        assertThat(String.join("; ", transcript.notes())).contains("silent");
        assertThat(run.stage(PipelineStage.PROCESS_VIDEO).getSummary()).contains("no text on screen");
        assertThat(keywords.load(ingested.mediaId())).isEmpty();
    }

    @Test
    void sidecarSubtitlesWithBrokenTimingKeepTheGoodCuesAndSaySo() throws Exception {
        Path video = copy(narrated.video(), "c");
        Files.writeString(video.resolveSibling("subtitles.srt"), """
                1
                00:00:01,000 --> 00:00:04,000
                Buy when the RSI drops below 30.

                2
                00:00:09,000 --> 00:00:05,000
                This cue ends before it starts.

                3
                00:00:06,000 --> 00:00:09,500
                Put the stop loss 2 percent below the entry.
                """);
        MediaIngested ingested = ingest(video);

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
        Transcript transcript = transcripts.load(ingested.mediaId()).orElseThrow();
        assertThat(transcript.source()).isEqualTo("sidecar");
        assertThat(transcript.segments()).extracting(TranscriptSegment::start).containsExactly(1.0, 6.0);
        assertThat(String.join("; ", transcript.notes())).contains("broken timing");
    }

    @Test
    void deletingTheMediaItemRemovesItsStageOutputs() throws Exception {
        MediaIngested ingested = ingest(copy(subtitled.video(), "d"));
        assertThat(awaitEnd(ingested.runId()).getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rows(ingested.mediaId())).isPositive();

        kafka.send(Topics.MEDIA_EVENTS, ingested.mediaId().toString(),
                PipelineMessages.toJson(MediaDeleted.of(ingested.runId(), ingested.mediaId()))).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(ingested.mediaId()) == 0);
    }

    private void assertSpokenWithinItsCue(List<KeywordHit> hits, String keyword, int cue) {
        double[] times = subtitled.times().get(cue);
        assertThat(hits).as("%s in cue %d %s", keyword, cue, hits).anyMatch(h -> h.keyword().equals(keyword)
                && h.source().equals("subtitle") && h.start() >= times[0] - 1 && h.end() <= times[1] + 1);
    }

    private Transcript referenceTranscript() {
        return new Transcript("sidecar", "en", narrated.slides().stream()
                .map(s -> new TranscriptSegment(0, 1, new io.tradingedu.orchestrator.tradingtext.TradingTextNormaliser()
                        .normalise(s.narration()), null, null, List.of())).toList(), List.of());
    }

    private static Map<String, Integer> count(List<KeywordHit> hits) {
        Map<String, Integer> counts = new HashMap<>();
        hits.forEach(h -> counts.merge(h.keyword(), 1, Integer::sum));
        return counts;
    }

    private int rows(UUID mediaId) {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM analysis.transcript WHERE media_id = ?)
                     + (SELECT count(*) FROM analysis.frame WHERE media_id = ?)
                     + (SELECT count(*) FROM analysis.keyword_hit WHERE media_id = ?)
                     + (SELECT count(*) FROM analysis.clip WHERE media_id = ?)
                     + (SELECT count(*) FROM analysis.concept WHERE media_id = ?)""", Integer.class,
                mediaId, mediaId, mediaId, mediaId, mediaId);
    }

    /** Each run gets its own media directory, as api-service stores every item in {@code <root>/<media id>/}. */
    private static Path copy(Path video, String name) throws Exception {
        Path target = Files.createDirectories(dir.resolve(name)).resolve("lesson.mp4");
        return Files.copy(video, target);
    }

    private MediaIngested ingest(Path file) throws Exception {
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), UUID.randomUUID(), file.toString(),
                file.getFileName().toString(), "0".repeat(64), Files.size(file));
        kafka.send(Topics.MEDIA_EVENTS, ingested.mediaId().toString(), PipelineMessages.toJson(ingested)).get();
        return ingested;
    }

    private PipelineRun awaitEnd(UUID runId) {
        return await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300))
                .ignoreException(RunNotFoundException.class)
                .until(() -> runs.find(runId), run -> run.getStatus().isTerminal());
    }
}
