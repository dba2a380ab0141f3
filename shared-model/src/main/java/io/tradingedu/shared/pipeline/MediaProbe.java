package io.tradingedu.shared.pipeline;

import java.util.List;

/**
 * What stage 1 learnt about a video file by probing its content.
 *
 * @param formatName     the container as ffprobe recognised it, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param audioCodec     {@code null} when the file has no audio stream
 * @param subtitles      the subtitle streams, possibly empty
 */
public record MediaProbe(double durationSeconds, String formatName, int width, int height, double fps,
                         String videoCodec, String audioCodec, List<SubtitleStream> subtitles) {

    public MediaProbe {
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    /** A subtitle stream: its index in the container, codec and ISO language (or {@code null}). */
    public record SubtitleStream(int index, String codec, String language) {
    }
}
