package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaProbe.SubtitleStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain with its default settings on generated videos: subtitles, no Whisper, pocketsphinx. */
class TranscriberTest {

    static final String NARRATION = "Rising volume confirms the strength of a breakout.";

    @TempDir
    static Path dir;
    static Path narrated;

    private final Transcriber transcriber = Transcriber.create(TranscriptionProperties.defaults());

    @BeforeAll
    static void generate() throws Exception {
        Path speech = Speech.synthesise(NARRATION, dir, "speech");
        narrated = dir.resolve("narrated.mp4");
        Speech.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-i", speech.toString(),
                "-shortest", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", narrated.toString());
    }

    private static MediaProbe probe(String audioCodec, List<SubtitleStream> subtitles) {
        return new MediaProbe(4.0, "mov,mp4", 160, 120, 10, "h264", audioCodec, subtitles);
    }

    @Test
    void narrationWithoutSubtitlesIsRecognisedByPocketsphinx() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();

        Transcript t = transcriber.transcribe(narrated, probe("aac", List.of()), progress::add, Checkpoint.NONE);

        assertThat(t.source()).isEqualTo("pocketsphinx");
        assertThat(Speech.wordErrorRate(NARRATION, Speech.text(t))).isLessThanOrEqualTo(0.25);
        assertThat(t.notes()).containsExactly("no subtitles: no subtitle stream in the file and no sidecar file",
                "whisper: not configured (set WHISPER_URL to use a Whisper server)");
        assertThat(progress).contains("extracting the audio").last().asString().startsWith("transcribing 0:0");
    }

    @Test
    void subtitlesWinAndNoAudioIsExtracted() throws Exception {
        Path srt = Files.writeString(dir.resolve("c.srt"), "1\n00:00:01,000 --> 00:00:02,000\nBuy the breakout\n");
        Path video = dir.resolve("subtitled.mp4");
        Speech.ffmpeg("-i", narrated.toString(), "-i", srt.toString(), "-map", "0", "-map", "1", "-c", "copy",
                "-c:s", "mov_text", video.toString());
        List<String> progress = new CopyOnWriteArrayList<>();

        Transcript t = transcriber.transcribe(video, probe("aac", List.of(new SubtitleStream(2, "mov_text", null))),
                progress::add, Checkpoint.NONE);

        assertThat(t.source()).isEqualTo("subtitle-stream");
        assertThat(t.segments()).singleElement().isEqualTo(
                new TranscriptSegment(1.0, 2.0, "Buy the breakout", null, null, List.of()));
        assertThat(progress).doesNotContain("extracting the audio");
    }

    @Test
    void videoWithoutAudioOrSubtitlesHasNoTranscriptAndSaysWhy() throws Exception {
        Path mute = dir.resolve("mute.mp4");
        Speech.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "2", "-c:v", "libx264",
                "-preset", "veryfast", mute.toString());

        Transcript t = transcriber.transcribe(mute, probe(null, List.of()), ProgressListener.NONE, Checkpoint.NONE);

        assertThat(t).isEqualTo(Transcript.none(List.of(
                "no subtitles: no subtitle stream in the file and no sidecar file", "the video has no audio stream")));
    }

    @Test
    void silentVideoHasNoTranscriptAndSaysWhy() throws Exception {
        Path silent = dir.resolve("silent.mp4");
        Speech.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "anullsrc=r=44100",
                "-t", "2", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", silent.toString());

        Transcript t = transcriber.transcribe(silent, probe("aac", List.of()), ProgressListener.NONE, Checkpoint.NONE);

        assertThat(t.source()).isEqualTo("none");
        assertThat(t.segments()).isEmpty();
        assertThat(t.notes()).last().asString().startsWith("the audio track is silent");
    }
}
