package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.media.StageCancelledException;
import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real pocketsphinx on Festival narration of trading lessons. */
class PocketsphinxTranscriptSourceTest {

    @TempDir
    static Path media;
    static PcmWav lesson;
    static PcmWav longLesson;
    static PcmWav rules;

    @TempDir
    Path workDir;

    @BeforeAll
    static void narrate() throws Exception {
        lesson = PcmWav.open(Speech.synthesise(Speech.LESSON, media, "lesson"));
        longLesson = PcmWav.open(Speech.synthesise(Speech.LONG_LESSON, media, "long-lesson"));
        rules = PcmWav.open(Speech.synthesise(Speech.TRADING_RULES, media, "rules"));
    }

    private static PocketsphinxTranscriptSource source(Duration chunk, Integer parallelism) {
        return new PocketsphinxTranscriptSource(
                new TranscriptionProperties.Pocketsphinx(null, null, null, null, null, chunk, parallelism, null, null,
                        null, null, null));
    }

    @Test
    void defaultConfigurationTranscribesTradingRulesWithFewErrors() throws Exception {
        // plain pocketsphinx gets 22–24 % of these words wrong ("stop last", "in depth"); the default leans the
        // language model towards trading phrases
        var result = source(null, null).transcribe(input(rules), ProgressListener.NONE, Checkpoint.NONE);

        Transcript transcript = ((TranscriptSource.Result.Produced) result).transcript();
        assertThat(Speech.wordErrorRate(Speech.TRADING_RULES, Speech.text(transcript))).isLessThanOrEqualTo(0.20);
        assertThat(Speech.text(transcript)).contains("stop loss", "relative strength index", "r s i");
        assertThat(transcript.notes()).isEmpty();
    }

    @Test
    void tradingModelThatCannotBeBuiltFallsBackToThePlainOneWithANote() throws Exception {
        Path notADirectory = Files.writeString(workDir.resolve("occupied"), "a file where the cache should go");
        var source = new PocketsphinxTranscriptSource(new TranscriptionProperties.Pocketsphinx(null, null, null, null,
                null, null, null, null, true, null, notADirectory.resolve("lm"), null));

        var result = source.transcribe(input(rules), ProgressListener.NONE, Checkpoint.NONE);

        Transcript transcript = ((TranscriptSource.Result.Produced) result).transcript();
        assertThat(transcript.notes()).singleElement().asString()
                .startsWith("trading language model unavailable, used the plain one: ");
        assertThat(Speech.text(transcript)).contains("relative strength");
        Files.delete(notADirectory);
    }

    @Test
    void transcribesNarratedLessonWithFewErrorsAndTimedWords() throws Exception {
        var result = source(null, null).transcribe(input(lesson), ProgressListener.NONE, Checkpoint.NONE);

        Transcript transcript = ((TranscriptSource.Result.Produced) result).transcript();
        assertThat(transcript.source()).isEqualTo("pocketsphinx");
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(Speech.wordErrorRate(Speech.LESSON, Speech.text(transcript))).isLessThanOrEqualTo(0.20);
        List<TimedWord> words = transcript.segments().stream().flatMap(s -> s.words().stream()).toList();
        assertThat(words).hasSizeGreaterThan(30);
        assertThat(words).allSatisfy(w -> {
            assertThat(w.start()).isGreaterThanOrEqualTo(0).isLessThan(w.end());
            assertThat(w.end()).isLessThanOrEqualTo(lesson.seconds());
            assertThat(w.confidence()).isBetween(0.0, 1.0);
            assertThat(w.text()).doesNotContain("<", "[", "(");
        });
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).end());
        }
        assertThat(transcript.segments()).allSatisfy(s -> {
            assertThat(s.start()).isEqualTo(s.words().getFirst().start());
            assertThat(s.end()).isEqualTo(s.words().getLast().end());
        });
    }

    @Test
    void longAudioIsCutAtPausesAndStillTranscribedWell() throws Exception {
        assertThat(longLesson.seconds()).isBetween(80.0, 140.0);
        List<String> progress = new CopyOnWriteArrayList<>();

        var result = source(Duration.ofSeconds(30), 2).transcribe(input(longLesson), progress::add, Checkpoint.NONE);

        Transcript transcript = ((TranscriptSource.Result.Produced) result).transcript();
        assertThat(transcript.notes()).singleElement().asString().matches("recognised in [3-5] pieces cut at pauses");
        assertThat(Speech.wordErrorRate(Speech.LONG_LESSON, Speech.text(transcript))).isLessThanOrEqualTo(0.20);
        assertThat(progress).last().asString().matches("transcribing 1:\\d\\d / 1:\\d\\d");
        assertThat(progress.getFirst()).startsWith("transcribing 0:");
        var starts = transcript.segments().stream().map(TranscriptSegment::start).toList();
        assertThat(starts).isSorted();
        assertThat(workDir).as("pieces and the merged dictionary are removed").isEmptyDirectory();
    }

    @Test
    void cancellationBetweenPiecesStopsTheWorkAndRemovesPieces() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        Checkpoint cancelAfterFirst = () -> {
            if (!progress.isEmpty()) {
                throw new StageCancelledException("run cancelled");
            }
        };

        assertThatThrownBy(() -> source(Duration.ofSeconds(30), 1)
                .transcribe(input(longLesson), progress::add, cancelAfterFirst))
                .isInstanceOf(StageCancelledException.class);
        assertThat(progress).hasSize(1);
        assertThat(workDir).as("pieces and the merged dictionary are removed").isEmptyDirectory();
    }

    @Test
    void silenceGivesNoTranscriptAndAReason() throws Exception {
        Path quiet = media.resolve("quiet.wav");
        PcmWav.write(quiet, new short[16_000 * 3], 16_000);

        var result = source(null, null).transcribe(input(PcmWav.open(quiet)), ProgressListener.NONE, Checkpoint.NONE);

        assertThat(result).isEqualTo(TranscriptSource.Result.Declined.because(
                "pocketsphinx recognised no speech in 0:03 of audio"));
    }

    @Test
    void missingModelIsAReadableFailure() throws Exception {
        var broken = new PocketsphinxTranscriptSource(new TranscriptionProperties.Pocketsphinx(null,
                Path.of("/nonexistent/model"), null, null, false, null, null, null, null, null, null, null));

        var result = (TranscriptSource.Result.Declined) broken.transcribe(input(lesson), ProgressListener.NONE,
                Checkpoint.NONE);

        assertThat(result.notes()).singleElement().asString().startsWith("pocketsphinx failed: audio 0:00–0:");
    }

    private TranscriptionInput input(PcmWav audio) {
        return new TranscriptionInput(audio.file(), null, audio, workDir);
    }
}
