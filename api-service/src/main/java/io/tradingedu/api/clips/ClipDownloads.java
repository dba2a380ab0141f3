package io.tradingedu.api.clips;

import io.tradingedu.api.media.MediaFiles;
import io.tradingedu.api.support.NotFoundException;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A clip's video as a file that may be served, with the name it is saved under: the one road for
 * {@code GET /clip/{id}/download} (with a key) and the dashboard's signed clip links (without one).
 */
@Component
public class ClipDownloads {

    private final ClipReader clips;
    private final MediaFiles files;

    ClipDownloads(ClipReader clips, MediaFiles files) {
        this.clips = clips;
        this.files = files;
    }

    /**
     * @param file     the clip's MP4, inside its item's directory ({@link MediaFiles})
     * @param fileName what a browser saves it as ({@code clip-<seq>-<first keyword>.mp4})
     */
    public record Download(Path file, String fileName) {
    }

    /** Any clip; a {@link NotFoundException} when the clip is unknown or its file is gone. */
    public Download get(UUID clipId) {
        return servable(clips.get(clipId).orElseThrow(() -> unknown(clipId)));
    }

    /** A clip of one media item; a clip of another item is answered as unknown. */
    public Download get(UUID mediaId, UUID clipId) {
        return servable(clips.get(clipId).filter(stored -> stored.clip().mediaId().equals(mediaId))
                .orElseThrow(() -> unknown(clipId)));
    }

    private Download servable(ClipReader.StoredClip stored) {
        Clip clip = stored.clip();
        Path file = files.servable(clip.mediaId(), stored.filePath()).orElseThrow(() ->
                new NotFoundException("clip-file", "the video file of clip " + clip.id() + " is gone"));
        return new Download(file, ClipFileName.of(clip));
    }

    static NotFoundException unknown(UUID clipId) {
        return new NotFoundException("clip", "no clip with id " + clipId);
    }
}
