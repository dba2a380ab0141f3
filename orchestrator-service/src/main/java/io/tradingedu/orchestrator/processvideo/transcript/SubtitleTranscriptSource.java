package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.processvideo.audio.ToolProcess;
import io.tradingedu.orchestrator.validate.SafeInputs;
import io.tradingedu.shared.pipeline.MediaProbe.SubtitleStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Subtitles someone wrote are better than any recogniser: first a sidecar file uploaded with the video
 * ({@code subtitles.srt} / {@code subtitles.vtt} beside it, a deliberate choice of the uploader), then a text
 * subtitle stream in the container, English preferred.
 */
class SubtitleTranscriptSource implements TranscriptSource {

    static final List<String> SIDECARS = List.of("subtitles.srt", "subtitles.vtt");
    private static final Set<String> TEXT_CODECS = Set.of("mov_text", "subrip", "srt", "webvtt", "ass", "ssa", "text");

    private final String ffmpeg;
    private final Duration timeout;

    SubtitleTranscriptSource(String ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "subtitles";
    }

    @Override
    public boolean needsAudio() {
        return false;
    }

    @Override
    public Result transcribe(TranscriptionInput input, ProgressListener progress, Checkpoint checkpoint)
            throws InterruptedException {
        List<String> notes = new ArrayList<>();
        double duration = input.probe() == null ? 0 : input.probe().durationSeconds();
        Path dir = input.video().toAbsolutePath().getParent();
        boolean sawSidecar = false;
        for (String name : SIDECARS) {
            Path sidecar = dir == null ? null : dir.resolve(name);
            if (sidecar == null || !Files.isRegularFile(sidecar)) {
                continue;
            }
            sawSidecar = true;
            try {
                var parsed = SubtitleParser.parse(decode(readBounded(sidecar)), duration);
                if (!parsed.cues().isEmpty()) {
                    return produced("sidecar", null, parsed, notes);
                }
                notes.add(withDetails("sidecar " + name + " has no usable cue", parsed.notes()));
            } catch (IOException e) {
                notes.add("sidecar " + name + " could not be read: " + e.getMessage());
            }
        }
        List<SubtitleStream> streams = input.probe() == null ? List.of() : input.probe().subtitles();
        List<SubtitleStream> text = streams.stream().filter(s -> TEXT_CODECS.contains(s.codec()))
                // English first, otherwise the container's order
                .sorted(Comparator.comparing(s -> !Languages.isEnglish(s.language())))
                .toList();
        streams.stream().filter(s -> !TEXT_CODECS.contains(s.codec())).forEach(s -> notes.add(
                "subtitle stream #" + s.index() + " (" + s.codec() + ") is not a text format"));
        for (SubtitleStream stream : text) {
            checkpoint.check();
            String label = "subtitle stream #" + stream.index() + " (" + stream.codec() + ")";
            Path srt = input.workDir().resolve("stream-" + stream.index() + ".srt");
            try {
                List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-y", "-v", "error"));
                command.addAll(SafeInputs.input(input.video()));
                command.addAll(List.of("-map", "0:" + stream.index(), "-c:s", "srt", "-f", "srt", srt.toString()));
                var result = ToolProcess.run(command, timeout);
                if (!result.succeeded()) {
                    notes.add(label + " could not be extracted: " + result.lastError());
                    continue;
                }
                var parsed = SubtitleParser.parse(decode(readBounded(srt)), duration);
                if (!parsed.cues().isEmpty()) {
                    return produced("subtitle-stream", Languages.iso(stream.language()), parsed, notes);
                }
                notes.add(withDetails(label + " has no usable cue", parsed.notes()));
            } catch (IOException e) {
                notes.add(label + " could not be extracted: " + e.getMessage());
            } finally {
                deleteQuietly(srt);
            }
        }
        if (notes.isEmpty()) {
            notes.add(sawSidecar || !streams.isEmpty() ? "no usable subtitles"
                    : "no subtitles: no subtitle stream in the file and no sidecar file");
        }
        return new Result.Declined(notes);
    }

    private static Result produced(String source, String language, SubtitleParser.Parsed parsed,
                                   List<String> earlier) {
        var segments = parsed.cues().stream()
                .map(c -> new TranscriptSegment(c.start(), c.end(), c.text(), null, null, List.of()))
                .toList();
        List<String> notes = new ArrayList<>(earlier);
        notes.addAll(parsed.notes());
        return new Result.Produced(new Transcript(source, language, segments, notes));
    }

    private static String withDetails(String note, List<String> details) {
        return details.isEmpty() ? note : note + " (" + String.join(", ", details) + ")";
    }

    /** UTF-8 as the formats prescribe; files saved by old Windows editors are usually Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // inside the work directory, which is removed as a whole afterwards
        }
    }

    /** Subtitles of even a four-hour lesson are a few MB; a larger track is not subtitles worth reading into memory. */
    static final long MAX_SUBTITLE_BYTES = 20L * 1024 * 1024;

    private static byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SUBTITLE_BYTES) {
            throw new IOException("it is " + size / (1024 * 1024) + " MB; subtitles over "
                    + MAX_SUBTITLE_BYTES / (1024 * 1024) + " MB are not read");
        }
        return Files.readAllBytes(file);
    }
}
