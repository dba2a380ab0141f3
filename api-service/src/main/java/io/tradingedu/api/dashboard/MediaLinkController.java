package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaFiles;
import io.tradingedu.api.media.MediaItem;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.media.MediaVideoController;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.RangeRequests;
import io.tradingedu.support.web.Problems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Video for the dashboard's player: a signed link is asked for with a key ({@code read} scope) and played without
 * one, since a player cannot send headers. The link serves the same file as {@code GET /media_items/{id}/video},
 * with Range requests (206) for seeking.
 */
@RestController
@Tag(name = "Media")
class MediaLinkController {

    private final MediaLinks links;
    private final MediaService media;
    private final MediaFiles files;

    MediaLinkController(MediaLinks links, MediaService media, MediaFiles files) {
        this.links = links;
        this.media = media;
        this.files = files;
    }

    record VideoLink(URI url, Instant expiresAt) {
    }

    /** A link that was not made here, was altered, or has expired. */
    static final class InvalidLinkException extends RuntimeException {
        InvalidLinkException() {
            super("this video link is not valid or has expired: open the lesson again for a new one");
        }
    }

    @GetMapping("/media_items/{id}/video_link")
    @Operation(summary = "A signed link to the item's video for a player that cannot send a key",
            description = "The link plays (with Range requests) without a credential until expires_at "
                    + "(DASHBOARD_MEDIA_LINK_TTL, default 2 h) and grants nothing but this item's video. 404 when the "
                    + "item is unknown.")
    ResponseEntity<VideoLink> link(@PathVariable UUID id) {
        media.get(id);
        MediaLinks.Signed signed = links.sign(id);
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/ui/media/{token}")
                .buildAndExpand(signed.token()).toUri();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new VideoLink(url, signed.expiresAt()));
    }

    @GetMapping("/ui/media/{token}")
    @Operation(summary = "The video a signed link names (no credential; the link is one)",
            description = "200 or 206 for a Range request; 403 when the link is altered or expired; 404 when the "
                    + "item or its file is gone.")
    ResponseEntity<Resource> video(@PathVariable String token,
                                   @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        UUID id = links.verify(token).orElseThrow(InvalidLinkException::new);
        MediaItem item = media.get(id);
        Path file = files.servable(id, item.getStoragePath())
                .orElseThrow(() -> new NotFoundException("media-file", "the file of media item " + id + " is gone"));
        Resource video = new FileSystemResource(file);
        RangeRequests.requireSatisfiable(range, video);
        // An upload is whatever its sender made it: only known video and audio types play in place; anything else
        // (an .html or .js named by its uploader) is bytes to download, and never a document or script of this origin.
        MediaType type = MediaVideoController.contentTypeOf(file);
        ContentDisposition disposition = MediaType.APPLICATION_OCTET_STREAM.equals(type)
                ? ContentDisposition.attachment().filename(item.getFilename()).build()
                : ContentDisposition.inline().filename(item.getFilename()).build();
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(video);
    }

    @ExceptionHandler
    ProblemDetail invalidLink(InvalidLinkException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "media-link-invalid", "Video link not valid", e.getMessage());
    }
}
