package io.tradingedu.api.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.RangeRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * A lesson's original file, for a player to stream and seek in: search hits link here with a media fragment
 * ({@code #t=62.0}), which the browser turns into a Range request.
 */
@RestController
@Tag(name = "Media")
public class MediaVideoController {

    /**
     * What the ingest accepts in practice; ffprobe decides later whether a file really is media, so the name is the
     * only hint kept for the type. Anything else is served as bytes rather than mislabelled.
     */
    private static final Map<String, MediaType> TYPES = Map.ofEntries(
            Map.entry("mp4", MediaType.parseMediaType("video/mp4")),
            Map.entry("m4v", MediaType.parseMediaType("video/mp4")),
            Map.entry("webm", MediaType.parseMediaType("video/webm")),
            Map.entry("mkv", MediaType.parseMediaType("video/x-matroska")),
            Map.entry("mov", MediaType.parseMediaType("video/quicktime")),
            Map.entry("avi", MediaType.parseMediaType("video/x-msvideo")),
            Map.entry("mpg", MediaType.parseMediaType("video/mpeg")),
            Map.entry("mpeg", MediaType.parseMediaType("video/mpeg")),
            Map.entry("ts", MediaType.parseMediaType("video/mp2t")),
            Map.entry("ogv", MediaType.parseMediaType("video/ogg")),
            Map.entry("flv", MediaType.parseMediaType("video/x-flv")),
            Map.entry("wmv", MediaType.parseMediaType("video/x-ms-wmv")),
            Map.entry("3gp", MediaType.parseMediaType("video/3gpp")),
            Map.entry("mp3", MediaType.parseMediaType("audio/mpeg")),
            Map.entry("wav", MediaType.parseMediaType("audio/wav")),
            Map.entry("m4a", MediaType.parseMediaType("audio/mp4")),
            Map.entry("aac", MediaType.parseMediaType("audio/aac")),
            Map.entry("ogg", MediaType.parseMediaType("audio/ogg")),
            Map.entry("oga", MediaType.parseMediaType("audio/ogg")),
            Map.entry("opus", MediaType.parseMediaType("audio/opus")),
            Map.entry("flac", MediaType.parseMediaType("audio/flac")));

    private final MediaService media;
    private final MediaFiles files;

    MediaVideoController(MediaService media, MediaFiles files) {
        this.media = media;
        this.files = files;
    }

    @GetMapping("/media_items/{id}/video")
    @Operation(summary = "A media item's original file, inline, for a player",
            description = "The content type follows the stored file's extension (video/mp4, video/webm, "
                    + "video/x-matroska, video/quicktime, audio/mpeg, audio/wav, ...; application/octet-stream "
                    + "otherwise). Supports HTTP Range requests: 206 with exactly the bytes asked for, 416 when the "
                    + "range cannot be satisfied. 404 when the item is unknown or its file is gone.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "video/*"))
    @ApiResponse(responseCode = "206", description = "the requested byte range",
            content = @Content(mediaType = "video/*"))
    ResponseEntity<Resource> video(@PathVariable UUID id,
                                   @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        MediaItem item = media.get(id);
        Path file = files.servable(id, item.getStoragePath())
                .orElseThrow(() -> new NotFoundException("media-file", "the file of media item " + id + " is gone"));
        Resource video = new FileSystemResource(file);
        RangeRequests.requireSatisfiable(range, video);
        return ResponseEntity.ok().contentType(contentTypeOf(file))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(item.getFilename()).build().toString())
                .body(video);
    }

    /** The media type a stored file is served as: a known video or audio type, else bytes (never HTML or script). */
    public static MediaType contentTypeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM);
    }
}
