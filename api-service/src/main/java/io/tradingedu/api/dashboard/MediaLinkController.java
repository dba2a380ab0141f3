package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.clips.ClipDownloads;
import io.tradingedu.api.dashboard.MediaLinks.Grant;
import io.tradingedu.api.frames.FrameImages;
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
 * Files for the dashboard's elements that cannot send a key: the player's video, the frames' images, the clips'
 * downloads. A signed link is asked for with a key ({@code read} scope) and read without one. Each link grants one
 * kind of one item's files ({@link MediaLinks.Grant}): the video link serves the same file as
 * {@code GET /media_items/{id}/video}, with Range requests (206) for seeking; a frame link is a base to which the
 * page appends a frame's id ({@code GET /frames/{id}/image}); a clip link a base for a clip's id
 * ({@code GET /clip/{id}/download}, an attachment with the clip's file name).
 */
@RestController
@Tag(name = "Media")
class MediaLinkController {

    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final MediaLinks links;
    private final MediaService media;
    private final MediaFiles files;
    private final FrameImages frames;
    private final ClipDownloads clips;

    MediaLinkController(MediaLinks links, MediaService media, MediaFiles files, FrameImages frames,
                        ClipDownloads clips) {
        this.links = links;
        this.media = media;
        this.files = files;
        this.frames = frames;
        this.clips = clips;
    }

    record VideoLink(URI url, Instant expiresAt) {
    }

    /** @param url a base ending in {@code /}: a frame's or clip's id appended to it makes its link */
    record LinkBase(URI url, Instant expiresAt) {
    }

    /** A link that was not made here, was altered, grants another kind of file, or has expired. */
    static final class InvalidLinkException extends RuntimeException {
        InvalidLinkException(String what) {
            super("this " + what + " link is not valid or has expired: open the lesson again for a new one");
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
        UUID id = links.verify(Grant.VIDEO, token).orElseThrow(() -> new InvalidLinkException("video"));
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

    @GetMapping("/media_items/{id}/frame_link")
    @Operation(summary = "A signed link base to the item's frame images, for <img> elements that cannot send a key",
            description = "Append a frame's id (from GET /media_items/{id}/frames) to url: that JPEG is served "
                    + "without a credential until expires_at (DASHBOARD_MEDIA_LINK_TTL). The link grants the images "
                    + "of this item's frames and nothing else (not its video, not another item's frames). 404 when "
                    + "the item is unknown.")
    ResponseEntity<LinkBase> frameLink(@PathVariable UUID id) {
        return linkBase(Grant.FRAMES, id, "/ui/frames/{token}/");
    }

    @GetMapping("/media_items/{id}/clip_link")
    @Operation(summary = "A signed link base to the item's clip downloads, for download links that cannot send a key",
            description = "Append a clip's id (from GET /clips?media_id=) to url: that clip's MP4 is served as an "
                    + "attachment named like GET /clip/{id}/download's, with Range requests, without a credential "
                    + "until expires_at (DASHBOARD_MEDIA_LINK_TTL). The link grants this item's clips and nothing "
                    + "else. 404 when the item is unknown.")
    ResponseEntity<LinkBase> clipLink(@PathVariable UUID id) {
        return linkBase(Grant.CLIPS, id, "/ui/clips/{token}/");
    }

    @GetMapping("/ui/frames/{token}/{frameId}")
    @Operation(summary = "A frame's image (JPEG) through a signed frame link (no credential; the link is one)",
            description = "403 when the link is altered, expired or not a frame link; 404 when the frame is not one "
                    + "of the link's item or its file is gone.")
    ResponseEntity<Resource> frameImage(@PathVariable String token, @PathVariable UUID frameId) {
        UUID mediaId = links.verify(Grant.FRAMES, token).orElseThrow(() -> new InvalidLinkException("frame"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                // a frame's image never changes under its id: the page may show it again without asking
                .cacheControl(CacheControl.maxAge(links.ttl()).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(new FileSystemResource(frames.file(mediaId, frameId)));
    }

    @GetMapping("/ui/clips/{token}/{clipId}")
    @Operation(summary = "A clip's video (MP4) as an attachment through a signed clip link (no credential)",
            description = "200 or 206 for a Range request; 403 when the link is altered, expired or not a clip "
                    + "link; 404 when the clip is not one of the link's item or its file is gone.")
    ResponseEntity<Resource> clipDownload(@PathVariable String token, @PathVariable UUID clipId,
                                          @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        UUID mediaId = links.verify(Grant.CLIPS, token).orElseThrow(() -> new InvalidLinkException("clip"));
        ClipDownloads.Download download = clips.get(mediaId, clipId);
        Resource video = new FileSystemResource(download.file());
        RangeRequests.requireSatisfiable(range, video);
        return ResponseEntity.ok()
                .contentType(MP4)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(video);
    }

    private ResponseEntity<LinkBase> linkBase(Grant grant, UUID id, String path) {
        media.get(id);
        MediaLinks.Signed signed = links.sign(grant, id);
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(signed.token())
                .toUri();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LinkBase(url, signed.expiresAt()));
    }

    @ExceptionHandler
    ProblemDetail invalidLink(InvalidLinkException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "media-link-invalid", "Media link not valid", e.getMessage());
    }
}
