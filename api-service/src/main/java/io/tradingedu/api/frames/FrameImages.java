package io.tradingedu.api.frames;

import io.tradingedu.api.media.MediaFiles;
import io.tradingedu.api.support.NotFoundException;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A frame's image as a file that may be served: the one road for {@code GET /frames/{id}/image} (with a key) and the
 * dashboard's signed frame links (without one). Only a file inside the frame's own item's directory is served
 * ({@link MediaFiles}).
 */
@Component
public class FrameImages {

    private final FrameReader frames;
    private final MediaFiles files;

    FrameImages(FrameReader frames, MediaFiles files) {
        this.frames = frames;
        this.files = files;
    }

    /** The image of any frame; a {@link NotFoundException} when the frame is unknown or its file is gone. */
    public Path file(UUID frameId) {
        FrameReader.StoredImage image = frames.imageOf(frameId).orElseThrow(() -> unknown(frameId));
        return servable(frameId, image);
    }

    /**
     * The image of a frame of one media item; a frame of another item is answered as unknown, so a link to one
     * item's frames tells nothing about another's.
     */
    public Path file(UUID mediaId, UUID frameId) {
        FrameReader.StoredImage image = frames.imageOf(frameId).filter(found -> found.mediaId().equals(mediaId))
                .orElseThrow(() -> unknown(frameId));
        return servable(frameId, image);
    }

    private Path servable(UUID frameId, FrameReader.StoredImage image) {
        return files.servable(image.mediaId(), image.path())
                .orElseThrow(() -> new NotFoundException("frame-image", "the image of frame " + frameId + " is gone"));
    }

    private static NotFoundException unknown(UUID frameId) {
        return new NotFoundException("frame", "no frame with id " + frameId);
    }
}
