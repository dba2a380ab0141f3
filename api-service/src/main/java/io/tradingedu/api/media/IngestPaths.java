package io.tradingedu.api.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether a path given to {@code POST /ingest} may be read: a regular file inside the ingest root. */
@Component
class IngestPaths {

    private final Path root;

    IngestPaths(MediaProperties properties) throws IOException {
        Path configured = properties.ingestRoot().toAbsolutePath().normalize();
        Files.createDirectories(configured);
        this.root = configured.toRealPath();
    }

    Path root() {
        return root;
    }

    /** The real path of an acceptable file; {@link InvalidIngestPathException} with the reason otherwise. */
    Path resolve(String videoPath) {
        Path requested;
        try {
            requested = Path.of(videoPath);
        } catch (InvalidPathException e) {
            throw new InvalidIngestPathException("video_path is not a valid path: " + e.getReason());
        }
        for (Path part : requested) {
            if (part.toString().equals("..")) {
                throw new InvalidIngestPathException("video_path must not contain '..'");
            }
        }
        Path candidate = root.resolve(requested).normalize();
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(candidate)) {
            throw new InvalidIngestPathException("no such file: " + videoPath);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new InvalidIngestPathException("no such file: " + videoPath + " (a broken link?)");
        }
        if (!real.startsWith(root)) {
            throw new InvalidIngestPathException("video_path must lie inside the ingest root " + root
                    + (candidate.startsWith(root) ? " (it is a link that leads outside)" : ""));
        }
        if (Files.isDirectory(real)) {
            throw new InvalidIngestPathException("video_path is a directory, not a file: " + videoPath);
        }
        if (!Files.isRegularFile(real)) {
            throw new InvalidIngestPathException("video_path is not a regular file: " + videoPath);
        }
        if (!Files.isReadable(real)) {
            throw new InvalidIngestPathException("video_path is not readable: " + videoPath);
        }
        return real;
    }

    /**
     * A subtitle file beside an acceptable video: same base name with {@code .srt}, {@code .vtt}, {@code .en.srt} or
     * {@code .en.vtt}, in that order of preference; like the video it must really lie inside the ingest root.
     */
    Optional<Path> sidecarSubtitles(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String suffix : List.of(".srt", ".vtt", ".en.srt", ".en.vtt")) {
            Path candidate = video.resolveSibling(base + suffix);
            try {
                Path real = candidate.toRealPath();
                if (real.startsWith(root) && Files.isRegularFile(real) && Files.isReadable(real)) {
                    return Optional.of(real);
                }
            } catch (IOException e) {
                // no such sidecar (or a broken link): try the next name
            }
        }
        return Optional.empty();
    }
}
