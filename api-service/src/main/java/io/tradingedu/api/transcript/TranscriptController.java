package io.tradingedu.api.transcript;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaItem;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.run.RunProgressReader;
import io.tradingedu.api.support.NotFoundException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transcripts", description = "What stage 2 heard (or read from subtitles), as JSON, text, SRT or WebVTT")
class TranscriptController {

    private final MediaService media;
    private final TranscriptReader transcripts;
    private final RunProgressReader runs;

    TranscriptController(MediaService media, TranscriptReader transcripts, RunProgressReader runs) {
        this.media = media;
        this.transcripts = transcripts;
        this.runs = runs;
    }

    @GetMapping("/transcript/{media_id}")
    @Operation(summary = "A media item's transcript",
            description = "json: source, language, confidence and timed segments with their words (at most "
                    + TranscriptReader.MAX_SEGMENTS + " segments; 'truncated' says when there were more); text: one "
                    + "segment per line; srt / vtt: subtitle files. 404 when the item is unknown or has no "
                    + "transcript yet (the detail says where its run is); 400 for another format.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Transcript.class)),
            @Content(mediaType = "text/plain"), @Content(mediaType = "application/x-subrip"),
            @Content(mediaType = "text/vtt")})
    ResponseEntity<?> transcript(@PathVariable("media_id") UUID mediaId,
                                 @Parameter(description = "json (default), text, srt or vtt")
                                 @RequestParam(defaultValue = "json") String format) {
        TranscriptFormat wanted = TranscriptFormat.parse(format);
        MediaItem item = media.get(mediaId);
        Transcript transcript = transcripts.find(mediaId).orElseThrow(() -> new NotFoundException("transcript",
                "no transcript yet for media " + mediaId + ": " + runs.read(item.getRunId()).describe()));
        var answer = ResponseEntity.ok().contentType(wanted.contentType());
        return switch (wanted) {
            case JSON -> answer.body(transcript);
            case TEXT -> answer.body(TranscriptText.plain(transcript.segments()));
            case SRT -> file(answer, mediaId, wanted).body(TranscriptText.srt(transcript.segments()));
            case VTT -> file(answer, mediaId, wanted).body(TranscriptText.vtt(transcript.segments()));
        };
    }

    private static ResponseEntity.BodyBuilder file(ResponseEntity.BodyBuilder answer, UUID mediaId,
                                                   TranscriptFormat format) {
        return answer.header("Content-Disposition",
                ContentDisposition.inline().filename(mediaId + "." + format.slug()).build().toString());
    }
}
