package io.tradingedu.api.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides whether a file named by a stored row (a frame image, a clip) may be served. Only a regular file whose real
 * path (links resolved) lies inside its own item's directory {@code <media root>/<media id>/} qualifies, so a row
 * that was tampered with, or a link planted in the media root, cannot expose any other file.
 */
@Component
public class MediaFiles {

    private final Path root;

    MediaFiles(MediaProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    /** The real path of the file when it exists and may be served; empty otherwise. */
    public Optional<Path> servable(UUID mediaId, String storedPath) {
        if (mediaId == null || storedPath == null || storedPath.isBlank()) {
            return Optional.empty();
        }
        try {
            Path itemDir = root.resolve(mediaId.toString()).toRealPath();
            Path real = Path.of(storedPath).toRealPath();
            return real.startsWith(itemDir) && Files.isRegularFile(real) && Files.isReadable(real)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            // missing file, missing directory, or a path the file system cannot even name: nothing to serve
            return Optional.empty();
        }
    }
}
