package io.tradingedu.api.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

    /**
     * The real path of an acceptable file; {@link InvalidIngestPathException} with the reason otherwise. A path
     * outside the root, a missing file and a link leading outside or nowhere all get one and the same answer, so the
     * endpoint cannot be used to learn which files exist elsewhere on the server; no answer names a server path
     * beyond what the caller sent.
     */
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
        if (!candidate.startsWith(root)) {
            // decided on the name alone: whether such a file exists is not looked at
            throw noSuchFile(videoPath);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw noSuchFile(videoPath);
        }
        if (!real.startsWith(root)) {
            throw noSuchFile(videoPath);
        }
        if (Files.isDirectory(real)) {
            throw new InvalidIngestPathException("video_path is a directory, not a file: " + excerpt(videoPath));
        }
        if (!Files.isRegularFile(real)) {
            throw new InvalidIngestPathException("video_path is not a regular file: " + excerpt(videoPath));
        }
        if (!Files.isReadable(real)) {
            throw new InvalidIngestPathException("video_path is not readable: " + excerpt(videoPath));
        }
        return real;
    }

    private static InvalidIngestPathException noSuchFile(String videoPath) {
        return new InvalidIngestPathException("no such file: " + excerpt(videoPath)
                + " (video_path must lie inside the ingest root and name a readable file there; it is resolved"
                + " against the root)");
    }

    /** The caller's own path, shortened so an answer never echoes a huge input. */
    private static String excerpt(String videoPath) {
        return videoPath.length() <= 200 ? videoPath : videoPath.substring(0, 199) + "…";
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
