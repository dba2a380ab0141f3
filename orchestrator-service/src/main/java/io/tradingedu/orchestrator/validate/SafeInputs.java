package io.tradingedu.orchestrator.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What keeps a file handed to ffprobe/ffmpeg from making them read anything else. A playlist (HLS {@code #EXTM3U})
 * or a concat list probes as media and makes the demuxer open the files or URLs it names, so inputs are limited to
 * the local file protocol and to self-contained container formats; a playlist is refused by its first bytes with a
 * reason a user understands.
 */
public final class SafeInputs {

    /** Demuxers of self-contained media files; no playlist, concat, image-sequence or device demuxer. */
    static final String FORMATS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,flv,mpegts,mpeg,mpegvideo,asf,ogg,mxf,"
            + "nut,dv,h264,hevc,m4v,rm,wav,mp3,aac";

    /** Input options for every ffprobe/ffmpeg call on a user's file; they go before its {@code -i}. */
    static final List<String> INPUT_OPTIONS = List.of("-protocol_whitelist", "file", "-format_whitelist", FORMATS);

    /**
     * A user's file as an ffmpeg input: the options that keep it to itself, then {@code -i file}. Stages 2–4 read only
     * files stage 1 accepted this way; they open them this way too, so nothing else can be opened through them.
     */
    public static List<String> input(Path file) {
        List<String> input = new ArrayList<>(INPUT_OPTIONS);
        input.add("-i");
        input.add(file.toString());
        return input;
    }

    private SafeInputs() {
    }

    /** Why the file is a list of other files rather than media; {@code null} when it does not look like one. */
    static String listOfOtherFiles(Path file) throws IOException {
        byte[] head = new byte[64];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, 0, read, StandardCharsets.ISO_8859_1);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1);
        }
        start = start.stripLeading();
        if (start.startsWith("#EXTM3U") || start.startsWith("\u00EF\u00BB\u00BF#EXTM3U")) {
            return "not a video file: it is a playlist (HLS/M3U) that refers to other files or URLs; only"
                    + " self-contained video files are accepted";
        }
        if (start.startsWith("ffconcat")) {
            return "not a video file: it is an ffmpeg concat list that refers to other files; only self-contained"
                    + " video files are accepted";
        }
        return null;
    }
}
