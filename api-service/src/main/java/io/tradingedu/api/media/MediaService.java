package io.tradingedu.api.media;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.messaging.Outbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest, upload, listing and deletion of media items. A new item and the {@link MediaIngested} message that asks for
 * its pipeline run commit together; the same content arriving again returns the existing item.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaItemRepository items;
    private final MediaStorage storage;
    private final IngestPaths ingestPaths;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MediaService(MediaItemRepository items, MediaStorage storage, IngestPaths ingestPaths, Outbox outbox,
                 TransactionTemplate transactions, Clock clock) {
        this.items = items;
        this.storage = storage;
        this.ingestPaths = ingestPaths;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The outcome of an ingest: the item, and whether it is new or the same content was there already. */
    public record Ingested(MediaItem item, boolean created) {
    }

    /** Ingests a file under the ingest root, with the subtitle file beside it when there is one. */
    public Ingested ingestPath(String videoPath, String filename, String sourceUrl) {
        Path file = ingestPaths.resolve(videoPath);
        String name = filename == null || filename.isBlank() ? file.getFileName().toString() : filename;
        try (InputStream in = Files.newInputStream(file)) {
            return register(storage.stage(in, name), sidecarOf(file), MediaSource.PATH, file.toString(), sourceUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Registers uploaded content; {@code subtitles} may be {@code null}. */
    Ingested upload(InputStream content, String filename, Subtitles subtitles) {
        return register(storage.stage(content, filename), subtitles, MediaSource.UPLOAD, null, null);
    }

    /** Newest first; {@code status} and {@code name} ({@link NameFilter}) may each be {@code null}. */
    public Page<MediaItem> list(int skip, int limit, MediaStatus status, NameFilter name) {
        var page = new OffsetPageRequest(skip, limit, Sort.by(Sort.Direction.DESC, "createdAt"));
        if (name == null) {
            return status == null ? items.findAll(page) : items.findByStatus(status, page);
        }
        return status == null ? items.findByNameLike(name.likePattern(), page)
                : items.findByStatusAndNameLike(status, name.likePattern(), page);
    }

    public MediaItem get(UUID id) {
        return items.findById(id).orElseThrow(() -> new MediaNotFoundException(id));
    }

    /** Deletes the item's row and files; refused while its run is active unless forced (the run is then dropped). */
    public void delete(UUID id, boolean force) {
        MediaItem item = transactions.execute(status -> {
            MediaItem found = get(id);
            if (found.getStatus().isActive() && !force) {
                throw new MediaBusyException("media " + id + " is " + found.getStatus().name().toLowerCase()
                        + "; cancel its run first or delete with force=true");
            }
            items.delete(found);
            outbox.publish(Topics.MEDIA_EVENTS, MediaDeleted.of(found.getRunId(), found.getId()));
            return found;
        });
        storage.deleteMediaDirectory(item.getId());
        log.info("deleted media {} ({})", item.getId(), item.getFilename());
    }

    /** The sidecar subtitles of an ingested video; one too large or not subtitles is left out, with a log line. */
    private Subtitles sidecarOf(Path video) {
        Path sidecar = ingestPaths.sidecarSubtitles(video).orElse(null);
        if (sidecar == null) {
            return null;
        }
        try {
            long size = Files.size(sidecar);
            if (size > Subtitles.MAX_BYTES) {
                log.info("ignoring sidecar subtitles {}: {} bytes is over the 5 MB limit", sidecar, size);
                return null;
            }
            Subtitles subtitles = Subtitles.recognise(sidecar.getFileName().toString(), Files.readAllBytes(sidecar))
                    .orElse(null);
            if (subtitles == null) {
                log.info("ignoring sidecar {}: not SubRip or WebVTT text", sidecar);
            }
            return subtitles;
        } catch (IOException e) {
            log.warn("ignoring sidecar subtitles {}: {}", sidecar, e.getMessage());
            return null;
        }
    }

    private Ingested register(StoredFile staged, Subtitles subtitles, MediaSource source, String sourcePath,
                              String sourceUrl) {
        Optional<MediaItem> existing = items.findBySha256(staged.sha256());
        if (existing.isPresent()) {
            storage.discard(staged);
            return new Ingested(existing.get(), false);
        }
        UUID mediaId = UUID.randomUUID();
        StoredFile placed = storage.place(staged, mediaId);
        try {
            // before the commit, which publishes MediaIngested: the worker must find them when the run starts
            if (subtitles != null) {
                storage.placeSubtitles(mediaId, subtitles);
            }
            MediaItem item = transactions.execute(status -> {
                UUID runId = UUID.randomUUID();
                MediaItem created = items.saveAndFlush(new MediaItem(mediaId, placed, source, sourcePath, sourceUrl,
                        runId, clock.instant()));
                outbox.publish(Topics.MEDIA_EVENTS, MediaIngested.of(runId, mediaId, placed.path().toString(),
                        placed.filename(), placed.sha256(), placed.sizeBytes()));
                return created;
            });
            log.info("ingested media {} ({}, {} bytes, sha256 {}{})", mediaId, placed.filename(), placed.sizeBytes(),
                    placed.sha256(), subtitles == null ? "" : ", with " + subtitles.format().storedName());
            return new Ingested(item, true);
        } catch (DataIntegrityViolationException e) {
            // The same content won a race with us; answer with the item that exists.
            storage.deleteMediaDirectory(mediaId);
            return items.findBySha256(staged.sha256()).map(found -> new Ingested(found, false)).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            storage.deleteMediaDirectory(mediaId);
            throw e;
        }
    }

    /** skip/limit paging as the original API had it, on top of Spring Data's page requests. */
    static final class OffsetPageRequest extends PageRequest {
        private final long offset;

        OffsetPageRequest(int skip, int limit, Sort sort) {
            super(skip / limit, limit, sort);
            this.offset = skip;
        }

        @Override
        public long getOffset() {
            return offset;
        }
    }
}
