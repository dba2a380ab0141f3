package io.tradingedu.api.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Files in the media root: content streams in to a staging file (never whole in memory) while its SHA-256 is
 * computed, then moves to the item's own directory {@code <root>/<media id>/}.
 */
@Component
class MediaStorage {

    private static final int MAX_FILENAME = 150;

    private final Path root;
    private final Path incoming;

    MediaStorage(MediaProperties properties) throws IOException {
        this.root = properties.root().toAbsolutePath().normalize();
        this.incoming = root.resolve(".incoming");
        Files.createDirectories(incoming);
    }

    StoredFile stage(InputStream content, String filename) {
        Path staged = incoming.resolve(UUID.randomUUID() + ".part");
        try (DigestInputStream in = new DigestInputStream(content, sha256());
             OutputStream out = Files.newOutputStream(staged)) {
            long size = in.transferTo(out);
            String digest = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new StoredFile(staged, safeName(filename), digest, size);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new UncheckedIOException("could not store " + filename, e);
        }
    }

    StoredFile place(StoredFile staged, UUID mediaId) {
        try {
            Path dir = Files.createDirectories(root.resolve(mediaId.toString()));
            Path target = dir.resolve(staged.filename());
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(target, staged.filename(), staged.sha256(), staged.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the upload into the media root", e);
        }
    }

    /** Writes subtitles into the item's directory under the name the stage 2 worker looks for. */
    void placeSubtitles(UUID mediaId, Subtitles subtitles) {
        Path target = root.resolve(mediaId.toString()).resolve(subtitles.format().storedName());
        try {
            Files.write(target, subtitles.content());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the subtitles of media " + mediaId, e);
        }
    }

    /**
     * Deletes staging files last written before {@code cutoff}: uploads cut off by a crash or a dropped connection
     * that were never registered as media.
     *
     * @return how many were deleted
     */
    int deleteStagingFilesOlderThan(Instant cutoff) {
        int deleted = 0;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".part")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    deleteQuietly(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + incoming, e);
        }
        return deleted;
    }

    void discard(StoredFile file) {
        deleteQuietly(file.path());
    }

    void deleteMediaDirectory(UUID mediaId) {
        try {
            FileSystemUtils.deleteRecursively(root.resolve(mediaId.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the files of media " + mediaId, e);
        }
    }

    static String safeName(String filename) {
        // Keep only the last path segment of whatever the client sent, then only harmless characters.
        String raw = filename == null ? "" : filename.replace('\\', '/');
        String name = raw.substring(raw.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "video" + name;
        }
        // the item's directory keeps these names for its subtitles and for the stages' outputs (analysis/)
        for (Subtitles.Format format : Subtitles.Format.values()) {
            if (name.equalsIgnoreCase(format.storedName())) {
                name = "video-" + name;
            }
        }
        if (name.equalsIgnoreCase("analysis")) {
            name = "video-" + name;
        }
        return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover staging file is never registered as media; StaleUploadSweeper removes it later
        }
    }
}
