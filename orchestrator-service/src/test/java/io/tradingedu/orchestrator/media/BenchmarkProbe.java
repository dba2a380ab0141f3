package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaProbe.SubtitleStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What stage 1 hands stage 2, read with ffprobe (stage 1's validator is package-private to its worker). */
final class BenchmarkProbe {

    private BenchmarkProbe() {
    }

    static MediaProbe probe(Path video) throws IOException, InterruptedException {
        String out = BenchmarkLesson.run("ffprobe", "-v", "error", "-show_entries",
                "format=duration,format_name:stream=index,codec_type,codec_name,width,height,r_frame_rate"
                        + ":stream_tags=language", "-of", "compact", video.toString());
        Map<String, String> format = Map.of();
        Map<String, String> videoStream = null;
        String audioCodec = null;
        List<SubtitleStream> subtitles = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Map<String, String> fields = fields(line);
            if (line.startsWith("format|")) {
                format = fields;
            } else if (line.startsWith("stream|")) {
                switch (fields.getOrDefault("codec_type", "")) {
                    case "video" -> videoStream = videoStream == null ? fields : videoStream;
                    case "audio" -> audioCodec = audioCodec == null ? fields.get("codec_name") : audioCodec;
                    case "subtitle" -> subtitles.add(new SubtitleStream(Integer.parseInt(fields.get("index")),
                            fields.get("codec_name"), fields.get("tag:language")));
                    default -> { }
                }
            }
        }
        if (videoStream == null || !format.containsKey("duration")) {
            throw new IOException("ffprobe found no video stream or duration in " + video + ": " + out);
        }
        String[] rate = videoStream.getOrDefault("r_frame_rate", "0/1").split("/");
        double fps = Double.parseDouble(rate[0]) / Double.parseDouble(rate.length > 1 ? rate[1] : "1");
        return new MediaProbe(Double.parseDouble(format.get("duration")), format.get("format_name"),
                Integer.parseInt(videoStream.get("width")), Integer.parseInt(videoStream.get("height")), fps,
                videoStream.get("codec_name"), audioCodec, subtitles);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }
}
