package io.tradingedu.api.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.run.RunControlClient;
import io.tradingedu.api.run.RunProgressReader;
import io.tradingedu.api.support.BadParameterException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@Tag(name = "Media", description = "Ingest, upload and the media catalogue with each item's pipeline run")
class MediaController {

    private final MediaService media;
    private final RunProgressReader runs;
    private final RunControlClient runControl;

    MediaController(MediaService media, RunProgressReader runs, RunControlClient runControl) {
        this.media = media;
        this.runs = runs;
        this.runControl = runControl;
    }

    record IngestRequest(@NotBlank String videoPath, String filename, String sourceUrl) {
    }

    record MediaPage(long total, int skip, int limit, List<MediaView> items) {
    }

    @PostMapping(path = "/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ingest a video file from the ingest root",
            description = "202 with the new item and its run; 200 with the existing item when the same content was "
                    + "ingested before; 400 when the path is outside the ingest root, missing, or not a regular file. "
                    + "A subtitle file beside the video with the same base name (.srt, .vtt, .en.srt, .en.vtt; at most "
                    + "5 MB) is stored with the new item for the transcript stage to use.")
    ResponseEntity<MediaView> ingest(@Valid @RequestBody IngestRequest request) {
        return answer(media.ingestPath(request.videoPath(), request.filename(), request.sourceUrl()));
    }

    @PostMapping(path = "/media_items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a video (multipart field 'file'), optionally with its subtitles",
            description = "Streamed to storage with its SHA-256; 202 for new content, 200 with the existing item for "
                    + "content uploaded before (its subtitles are then left as they were), 413 above the size limit. "
                    + "An optional part 'subtitles' (SubRip or WebVTT, recognised by content or name, at most 5 MB; "
                    + "400 otherwise) is stored beside the video for the transcript stage to use.")
    ResponseEntity<MediaView> upload(@RequestPart("file") MultipartFile file,
                                     @Parameter(description = "a .srt or .vtt file, at most 5 MB")
                                     @RequestPart(name = "subtitles", required = false) MultipartFile subtitles)
            throws IOException {
        Subtitles checked = subtitles == null || subtitles.isEmpty() ? null
                : Subtitles.fromUpload(subtitles.getOriginalFilename(), subtitles.getSize(), subtitles);
        try (InputStream in = file.getInputStream()) {
            return answer(media.upload(in, file.getOriginalFilename(), checked));
        }
    }

    @GetMapping("/media_items")
    @Operation(summary = "List media items, newest first, with the total count",
            description = "status and q narrow the list and its total; both together must both hold. q matches the "
                    + "item's name (its file name) case-insensitively anywhere in it, literally (% and _ are no "
                    + "wildcards). 400 naming the parameter for an unknown status, or a q over 200 characters or "
                    + "with control characters.")
    MediaPage list(@RequestParam(defaultValue = "0") @Min(0) int skip,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                   @Parameter(description = "pending, processing, completed, failed or cancelled")
                   @RequestParam(required = false) String status,
                   @Parameter(description = "text the item's name contains, any case, at most 200 characters "
                           + "(e.g. rsi finds 'RSI divergence.mp4'); blank means no filter")
                   @RequestParam(required = false) String q) {
        MediaStatus filter = status == null ? null : parseStatus(status);
        var page = media.list(skip, limit, filter, NameFilter.of(q));
        return new MediaPage(page.getTotalElements(), skip, limit,
                page.getContent().stream().map(item -> MediaView.of(item, null)).toList());
    }

    @GetMapping("/media_items/{id}")
    @Operation(summary = "A media item with its run: per-stage status, attempts, durations and errors")
    MediaView get(@PathVariable UUID id) {
        MediaItem item = media.get(id);
        return MediaView.of(item, runs.read(item.getRunId()));
    }

    @DeleteMapping("/media_items/{id}")
    @Operation(summary = "Delete a media item's rows and files",
            description = "409 while its run is active, unless force=true (the run is then dropped)")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean force) {
        media.delete(id, force);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/media_items/{id}/cancel")
    @Operation(summary = "Cancel the item's run (409 when it already ended)")
    MediaView cancel(@PathVariable UUID id) {
        MediaItem item = media.get(id);
        runControl.cancel(item.getRunId());
        return MediaView.of(item, runs.read(item.getRunId()));
    }

    @PostMapping("/media_items/{id}/retry")
    @Operation(summary = "Retry the item's failed run from the stage that failed (409 unless it failed)")
    ResponseEntity<MediaView> retry(@PathVariable UUID id) {
        MediaItem item = media.get(id);
        runControl.retry(item.getRunId());
        return ResponseEntity.accepted().body(MediaView.of(item, runs.read(item.getRunId())));
    }

    private ResponseEntity<MediaView> answer(MediaService.Ingested ingested) {
        MediaItem item = ingested.item();
        MediaView view = MediaView.of(item, runs.read(item.getRunId()));
        if (!ingested.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/media_items/{id}").buildAndExpand(item.getId()).toUri())
                .body(view);
    }

    private static MediaStatus parseStatus(String status) {
        try {
            return MediaStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("status", "must be one of pending, processing, completed, failed, "
                    + "cancelled; got '" + status + "'");
        }
    }
}
