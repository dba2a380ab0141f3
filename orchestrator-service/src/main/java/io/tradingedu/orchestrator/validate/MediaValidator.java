package io.tradingedu.orchestrator.validate;

import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaProbe.SubtitleStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.probe.FFmpegStream.CodecType;
import org.apache.commons.lang3.math.Fraction;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Stage 1: decides by content (never by file name) whether a file is a complete video the pipeline can process,
 * and records what it is: duration, resolution, frame rate, codecs, audio, subtitle streams.
 */
@Component
class MediaValidator {

    /** ffprobe reads headers only; past this it is hanging on a hostile file and is killed. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    private final ValidationProperties properties;
    private final FFprobe ffprobe;
    private final TailDecoder tailDecoder;

    MediaValidator(ValidationProperties properties) {
        this.properties = properties;
        this.ffprobe = new FFprobe(properties.ffprobePath(), new BoundedProbeProcess(PROBE_TIMEOUT));
        this.tailDecoder = new TailDecoder(properties.ffmpegPath());
    }

    ValidationResult validate(Path file) throws InterruptedException {
        if (!Files.isRegularFile(file)) {
            return ValidationResult.rejected("media file not found: " + file);
        }
        Path workDir = null;
        try {
            if (Files.size(file) == 0) {
                return ValidationResult.rejected("not a video file: the file is empty");
            }
            String list = SafeInputs.listOfOtherFiles(file);
            if (list != null) {
                return ValidationResult.rejected(list);
            }
            // ffprobe guesses formats from the extension first; a link without one makes it judge the content alone.
            workDir = Files.createTempDirectory("validate-");
            Path input = Files.createSymbolicLink(workDir.resolve("input"), file.toAbsolutePath());
            return inspect(file, input);
        } catch (IOException e) {
            return new ValidationResult.Invalid("could not inspect the file: " + e.getMessage(), true);
        } finally {
            if (workDir != null) {
                FileSystemUtils.deleteRecursively(workDir.toFile());
            }
        }
    }

    private ValidationResult inspect(Path file, Path input) throws IOException, InterruptedException {
        FFmpegProbeResult probe;
        try {
            probe = ffprobe.probe(input.toString());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
                return new ValidationResult.Invalid("ffprobe is not available (" + properties.ffprobePath() + ")", true);
            }
            return unreadable(file);
        }
        if (probe == null || probe.hasError() || probe.getFormat() == null) {
            return unreadable(file);
        }
        List<FFmpegStream> streams = probe.getStreams() == null ? List.of() : probe.getStreams();
        FFmpegStream video = streams.stream()
                .filter(s -> s.codec_type == CodecType.VIDEO && (s.disposition == null || !s.disposition.attached_pic))
                .findFirst().orElse(null);
        if (video == null) {
            boolean audioOnly = streams.stream().anyMatch(s -> s.codec_type == CodecType.AUDIO);
            return ValidationResult.rejected("no video stream" + (audioOnly ? " (the file holds only audio)" : ""));
        }
        double duration = probe.getFormat().duration > 0 ? probe.getFormat().duration : video.duration;
        if (!(duration > 0)) {
            return ValidationResult.rejected("the video has no duration");
        }
        if (duration > properties.maxDuration().toSeconds()) {
            return ValidationResult.rejected(String.format(Locale.ROOT, "the video is %s long; the maximum is %s",
                    human(duration), human(properties.maxDuration().toSeconds())));
        }
        String problem = tailDecoder.problemNearEnd(input, duration, properties.tailDecode());
        if (problem != null) {
            return ValidationResult.rejected("file is truncated: " + problem);
        }
        FFmpegStream audio = streams.stream().filter(s -> s.codec_type == CodecType.AUDIO).findFirst().orElse(null);
        List<SubtitleStream> subtitles = streams.stream().filter(s -> s.codec_type == CodecType.SUBTITLE)
                .map(s -> new SubtitleStream(s.index, s.codec_name, s.tags == null ? null : s.tags.get("language")))
                .toList();
        var result = new MediaProbe(duration, probe.getFormat().format_name, video.width, video.height,
                fps(video), video.codec_name, audio == null ? null : audio.codec_name, subtitles);
        return new ValidationResult.Valid(result, summary(result));
    }

    /** ffprobe could not read the file: a damaged container of a known kind, or not media at all. */
    private static ValidationResult unreadable(Path file) throws IOException {
        String container = ContainerSignature.recognise(file);
        return ValidationResult.rejected(container == null
                ? "not a video file: its content is not a recognised media format"
                : "file is truncated or corrupt: it starts like " + container + " but its index cannot be read");
    }

    private static double fps(FFmpegStream video) {
        Fraction rate = video.avg_frame_rate != null && video.avg_frame_rate.getDenominator() != 0
                && video.avg_frame_rate.getNumerator() != 0 ? video.avg_frame_rate : video.r_frame_rate;
        return rate == null || rate.getDenominator() == 0 ? 0 : Math.round(rate.doubleValue() * 1000) / 1000.0;
    }

    static String summary(MediaProbe p) {
        return String.format(Locale.ROOT, "%s %dx%d %.2f fps, %s, %s, %d subtitle stream(s)", p.videoCodec(),
                p.width(), p.height(), p.fps(), human(p.durationSeconds()),
                p.hasAudio() ? "audio " + p.audioCodec() : "no audio", p.subtitles().size());
    }

    private static String human(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** Magic numbers of the containers users send, to tell a damaged video from something else. */
    static final class ContainerSignature {

        private ContainerSignature() {
        }

        static String recognise(Path file) throws IOException {
            byte[] head = new byte[12];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (read >= 8 && "ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
                return "an MP4/QuickTime file";
            }
            if (read >= 4 && Arrays.equals(Arrays.copyOf(head, 4), new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
                return "a Matroska/WebM file";
            }
            if (read >= 12 && "RIFF".equals(new String(head, 0, 4, StandardCharsets.ISO_8859_1))
                    && "AVI ".equals(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
                return "an AVI file";
            }
            return null;
        }
    }
}
