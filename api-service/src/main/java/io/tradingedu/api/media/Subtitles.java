package io.tradingedu.api.media;

import io.tradingedu.api.support.BadParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamSource;

/**
 * A subtitle file that arrives with a video: an upload's {@code subtitles} part or a sidecar file beside an ingested
 * video. It is stored in the item's directory as {@code subtitles.srt} or {@code subtitles.vtt}, the two names the
 * stage 2 worker looks for. Held in memory: at most {@link #MAX_BYTES}.
 */
record Subtitles(Format format, byte[] content) {

    /** Larger files are refused (upload) or ignored (sidecar): real subtitle files are far smaller. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Pattern SRT_TIMING = Pattern.compile(
            "\\d{1,3}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s*-->\\s*\\d{1,3}:\\d{2}:\\d{2}[,.]\\d{1,3}");

    enum Format {
        SRT, VTT;

        /** The name of the file in the item's directory. */
        String storedName() {
            return "subtitles." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads and checks an uploaded subtitles part; nothing above {@link #MAX_BYTES} is read into memory.
     *
     * @throws BadParameterException naming the {@code subtitles} field when it is too large, not text, or neither
     *                               SubRip nor WebVTT by its content or its name
     */
    static Subtitles fromUpload(String filename, long size, InputStreamSource part) throws IOException {
        byte[] content = new byte[0];
        if (size <= MAX_BYTES) {
            try (InputStream in = part.getInputStream()) {
                content = in.readNBytes((int) MAX_BYTES + 1);
            }
        }
        if (size > MAX_BYTES || content.length > MAX_BYTES) {
            throw new BadParameterException("subtitles", "must be at most 5 MB; got " + size + " bytes");
        }
        return recognise(filename, content).orElseThrow(() -> new BadParameterException("subtitles",
                "must be a SubRip (.srt) or WebVTT (.vtt) text file; '" + filename
                        + "' is neither by name or content"));
    }

    /**
     * The format of a subtitle file: the content decides when it is recognisable (a {@code WEBVTT} header, or SubRip
     * cue timings), the name's extension otherwise. Binary content is never subtitles.
     */
    static Optional<Subtitles> recognise(String filename, byte[] content) {
        if (content.length == 0 || looksBinary(content)) {
            return Optional.empty();
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if (head.startsWith("WEBVTT")) {
            return Optional.of(new Subtitles(Format.VTT, content));
        }
        if (SRT_TIMING.matcher(head).find()) {
            return Optional.of(new Subtitles(Format.SRT, content));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".srt")) {
            return Optional.of(new Subtitles(Format.SRT, content));
        }
        if (name.endsWith(".vtt")) {
            return Optional.of(new Subtitles(Format.VTT, content));
        }
        return Optional.empty();
    }

    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 4096); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
