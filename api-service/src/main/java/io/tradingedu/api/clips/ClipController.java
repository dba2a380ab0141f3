package io.tradingedu.api.clips;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaFiles;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.Paging;
import io.tradingedu.api.support.RangeRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Clips", description = "Highlight clips stage 4 cut around trading keyword mentions")
class ClipController {

    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final ClipReader clips;
    private final ClipDownloads downloads;
    private final MediaFiles files;

    ClipController(ClipReader clips, ClipDownloads downloads, MediaFiles files) {
        this.clips = clips;
        this.downloads = downloads;
        this.files = files;
    }

    @GetMapping("/clips")
    @Operation(summary = "Clips, best first, filtered and paged, with the total that match",
            description = "keyword and category match any of the clip's keywords or categories (keyword "
                    + "case-insensitively). 400 naming the field for a limit outside 1..200, a negative skip or an "
                    + "unknown category.")
    Paging.Page<Clip> list(
            @Parameter(description = "a keyword the clip is about, e.g. RSI") @RequestParam(required = false)
            String keyword,
            @Parameter(description = "only this media item's clips") @RequestParam(name = "media_id", required = false)
            UUID mediaId,
            @Parameter(description = "a keyword category, e.g. technical_indicator") @RequestParam(required = false)
            String category,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int skip) {
        return clips.find(ClipFilter.of(mediaId, keyword, category), new Paging(skip, limit));
    }

    @GetMapping("/clips/{id}")
    @Operation(summary = "One clip with links to its video and thumbnail (404 when unknown)")
    Clip get(@PathVariable UUID id) {
        return find(id).clip();
    }

    @GetMapping("/clip/{id}/download")
    @Operation(summary = "A clip's video (MP4) as an attachment",
            description = "Supports HTTP Range requests: 206 with exactly the bytes asked for, 416 when the range "
                    + "cannot be satisfied. 404 when the clip is unknown or its file is gone.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "video/mp4"))
    @ApiResponse(responseCode = "206", description = "the requested byte range",
            content = @Content(mediaType = "video/mp4"))
    ResponseEntity<Resource> download(@PathVariable UUID id,
                                      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        ClipDownloads.Download download = downloads.get(id);
        Resource video = new FileSystemResource(download.file());
        RangeRequests.requireSatisfiable(range, video);
        return ResponseEntity.ok().contentType(MP4)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .body(video);
    }

    @GetMapping("/clips/{id}/thumbnail")
    @Operation(summary = "A clip's thumbnail (JPEG)",
            description = "404 when the clip is unknown, has no thumbnail, or the file is gone")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/jpeg"))
    ResponseEntity<Resource> thumbnail(@PathVariable UUID id) {
        ClipReader.StoredClip stored = find(id);
        Path file = files.servable(stored.clip().mediaId(), stored.thumbnailPath())
                .orElseThrow(() -> new NotFoundException("clip-thumbnail", "clip " + id + " has no thumbnail"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(new FileSystemResource(file));
    }

    private ClipReader.StoredClip find(UUID id) {
        return clips.get(id).orElseThrow(() -> ClipDownloads.unknown(id));
    }
}
