package io.tradingedu.api.frames;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaService;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Frames", description = "Key frames of a video with the text OCR read on them")
class FrameController {

    private final MediaService media;
    private final FrameReader frames;
    private final FrameImages images;

    FrameController(MediaService media, FrameReader frames, FrameImages images) {
        this.media = media;
        this.frames = frames;
        this.images = images;
    }

    /**
     * @param truncated true when the item has more than {@link FrameReader#MAX_FRAMES} frames and only the first are
     *                  listed
     */
    record FrameList(UUID mediaId, int count, boolean truncated, List<Frame> items) {
    }

    @GetMapping("/media_items/{id}/frames")
    @Operation(summary = "A media item's key frames in time order, with OCR text and a link to each image",
            description = "At most " + FrameReader.MAX_FRAMES + " frames ('truncated' says when there were more); "
                    + "an empty list while stage 2 has not run; 404 when the item is unknown")
    FrameList list(@PathVariable UUID id) {
        media.get(id);
        List<Frame> found = frames.framesOf(id);
        boolean truncated = found.size() > FrameReader.MAX_FRAMES;
        List<Frame> items = truncated ? found.subList(0, FrameReader.MAX_FRAMES) : found;
        return new FrameList(id, items.size(), truncated, items);
    }

    @GetMapping("/frames/{id}/image")
    @Operation(summary = "A frame's image (JPEG)",
            description = "404 when the frame is unknown or its file is gone (or lies outside its item's directory)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/jpeg"))
    ResponseEntity<Resource> image(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .body(new FileSystemResource(images.file(id)));
    }
}
