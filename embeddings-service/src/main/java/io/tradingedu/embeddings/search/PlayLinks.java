package io.tradingedu.embeddings.search;

import java.util.Locale;

/**
 * Paths on api-service (the public face) that play a hit: a clip's own video, or the lesson's video with a W3C media
 * fragment ({@code #t=seconds}) that a browser's video element seeks to: the window's start, or the second a frame
 * was shown.
 */
final class PlayLinks {

    private PlayLinks() {
    }

    static String of(Candidate hit) {
        if ("clip".equals(hit.kind()) && hit.sourceId() != null) {
            return "/clip/" + hit.sourceId() + "/download";
        }
        return String.format(Locale.ROOT, "/media_items/%s/video#t=%.1f", hit.mediaId(), hit.playSeconds());
    }
}
