package io.tradingedu.orchestrator.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;

/**
 * Where stage outputs are written: beside the stored video, in {@code <media dir>/analysis/<kind>/<attempt>/}, so
 * that deleting the media item's directory removes them too. Each attempt writes its own directory; the ones of
 * earlier attempts are removed only once the new rows that point at the new files have committed.
 */
public final class MediaDirectories {

    private MediaDirectories() {
    }

    /** @throws StageCancelledException when the item's directory is gone: the media item was deleted */
    public static Path forAttempt(String mediaPath, String kind, UUID attemptId) throws IOException {
        Path itemDir = Path.of(mediaPath).toAbsolutePath().getParent();
        if (!Files.isDirectory(itemDir)) {
            throw new StageCancelledException("the media item's directory " + itemDir + " is gone");
        }
        return Files.createDirectories(kindDir(mediaPath, kind).resolve(attemptId.toString()));
    }

    /** Call inside the reply transaction: after it commits, every other attempt's directory of this kind goes. */
    public static void keepOnlyAfterCommit(String mediaPath, String kind, UUID attemptId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                removeAllBut(kindDir(mediaPath, kind), attemptId.toString());
            }
        });
    }

    /** Removes an attempt's directory that will not be used (the attempt failed or was cancelled). */
    public static void discard(Path attemptDir) {
        try {
            FileSystemUtils.deleteRecursively(attemptDir);
        } catch (IOException e) {
            // a leftover directory is removed with the media item or by the next successful attempt
        }
    }

    private static Path kindDir(String mediaPath, String kind) {
        return Path.of(mediaPath).toAbsolutePath().getParent().resolve("analysis").resolve(kind);
    }

    private static void removeAllBut(Path dir, String keep) {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !p.getFileName().toString().equals(keep)).forEach(MediaDirectories::discard);
        } catch (IOException e) {
            // nothing to tidy
        }
    }
}
