package io.tradingedu.api.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ingests files dropped into the watch folder (off by default). A file counts as completely written once two scans
 * in a row saw the same size and modification time; content already in the catalogue is recognised by its digest.
 */
@Component
@ConditionalOnProperty(name = "media.watch.enabled", havingValue = "true")
class WatchFolder {

    private static final Logger log = LoggerFactory.getLogger(WatchFolder.class);

    private final MediaService media;
    private final Path dir;
    private final Map<Path, FileState> lastSeen = new HashMap<>();
    private final Set<FileState> ingested = new HashSet<>();

    WatchFolder(MediaService media, MediaProperties properties, IngestPaths ingestPaths) throws IOException {
        this.media = media;
        this.dir = Files.createDirectories(properties.watch().dir()).toRealPath();
        if (!dir.startsWith(ingestPaths.root())) {
            throw new IllegalStateException("media.watch.dir " + dir + " must lie inside the ingest root "
                    + ingestPaths.root());
        }
        log.info("watching {} for new videos", dir);
    }

    @Scheduled(fixedDelayString = "${media.watch.interval:5s}")
    synchronized void scan() throws IOException {
        Map<Path, FileState> now = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                String name = file.getFileName().toString();
                // subtitle files are sidecars of a video (ingest picks them up), never videos themselves
                if (attrs.isRegularFile() && !name.startsWith(".") && !isSubtitleFile(name)) {
                    now.put(file, new FileState(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
            }
        }
        now.values().stream().filter(state -> state.equals(lastSeen.get(state.path())) && !ingested.contains(state))
                .forEach(this::ingest);
        lastSeen.clear();
        lastSeen.putAll(now);
        ingested.retainAll(now.values());
    }

    private static boolean isSubtitleFile(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".srt") || lower.endsWith(".vtt");
    }

    private void ingest(FileState state) {
        try {
            var result = media.ingestPath(state.path().toString(), null, null);
            log.info("watch folder: {} → media {} ({})", state.path().getFileName(), result.item().getId(),
                    result.created() ? "new" : "already in the catalogue");
        } catch (RuntimeException e) {
            log.warn("watch folder: could not ingest {}: {}", state.path(), e.getMessage());
        }
        ingested.add(state);
    }

    private record FileState(Path path, long size, long modified) {
    }
}
