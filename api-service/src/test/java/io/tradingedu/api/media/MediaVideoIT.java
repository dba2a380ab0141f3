package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A lesson's original file for a player: inline, typed by its name, seekable with HTTP ranges. */
class MediaVideoIT extends AnalysisApiSupport {

    UUID media;
    Path video;

    @BeforeEach
    void lesson() throws Exception {
        media = catalogued("lesson.mp4");
        video = mp4(mediaDir(media).resolve("lesson.mp4"));
    }

    @Test
    void theWholeFileInlineWithItsType() throws Exception {
        ResponseEntity<byte[]> answer = http.get().uri("/media_items/{id}/video", media).retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("video/mp4");
        assertThat(answer.getHeaders().getFirst("Accept-Ranges")).isEqualTo("bytes");
        assertThat(answer.getHeaders().getFirst("Content-Disposition")).isEqualTo("inline; filename=\"lesson.mp4\"");
        assertThat(answer.getBody()).isEqualTo(Files.readAllBytes(video));
    }

    @Test
    void aRangeGetsExactlyTheBytesAskedFor() throws Exception {
        byte[] file = Files.readAllBytes(video);

        ResponseEntity<byte[]> middle = range("bytes=1000-1999");
        ResponseEntity<byte[]> tail = range("bytes=-64");
        ResponseEntity<byte[]> open = range("bytes=" + (file.length - 10) + "-");

        assertThat(middle.getStatusCode().value()).isEqualTo(206);
        assertThat(middle.getHeaders().getFirst("Content-Range")).isEqualTo("bytes 1000-1999/" + file.length);
        assertThat(middle.getHeaders().getContentType().toString()).isEqualTo("video/mp4");
        assertThat(middle.getBody()).isEqualTo(Arrays.copyOfRange(file, 1000, 2000));
        assertThat(tail.getStatusCode().value()).isEqualTo(206);
        assertThat(tail.getBody()).isEqualTo(Arrays.copyOfRange(file, file.length - 64, file.length));
        assertThat(open.getBody()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
    }

    @Test
    void aRangeBeyondTheEndIs416WithTheSizeAndNoFile() throws Exception {
        long size = Files.size(video);

        ResponseEntity<Map> beyond = http.get().uri("/media_items/{id}/video", media)
                .header("Range", "bytes=" + size + "-").retrieve().toEntity(Map.class);
        ResponseEntity<Map> nonsense = http.get().uri("/media_items/{id}/video", media)
                .header("Range", "seconds=1-2").retrieve().toEntity(Map.class);

        assertThat(beyond.getStatusCode().value()).isEqualTo(416);
        assertThat(beyond.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + size);
        assertThat(beyond.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(beyond.getBody()).containsEntry("type", "https://tradingedu.io/problems/range-not-satisfiable");
        assertThat(nonsense.getStatusCode().value()).isEqualTo(416);
    }

    @Test
    void unknownItemGoneFileOrAFileOutsideTheItemIs404() throws Exception {
        ResponseEntity<Map> unknown = http.get().uri("/media_items/{id}/video", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("type", "https://tradingedu.io/problems/media-not-found");

        Path outside = mp4(BASE.resolve("outside-" + UUID.randomUUID() + ".mp4"));
        UUID tampered = catalogued("tampered.mp4");
        jdbc.update("UPDATE media.media_item SET storage_path = ? WHERE id = ?", outside.toString(), tampered);
        assertThat(status(tampered)).isEqualTo(404);

        Files.delete(video);
        ResponseEntity<Map> gone = http.get().uri("/media_items/{id}/video", media).retrieve().toEntity(Map.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(gone.getBody()).containsEntry("type", "https://tradingedu.io/problems/media-file-not-found");
    }

    @Test
    void ingestedAndUploadedFilesAreServedAsStored() throws Exception {
        byte[] webm = randomBytes(4_000);
        String name = "talk-" + UUID.randomUUID() + ".webm";
        Files.write(BASE.resolve("ingest").resolve(name), webm);
        UUID fromPath = id(http.post().uri("/ingest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("video_path", name)).retrieve().toEntity(Map.class));
        byte[] other = randomBytes(3_000);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(other) {
            @Override
            public String getFilename() {
                return "notes.bin";
            }
        });
        UUID uploaded = id(http.post().uri("/media_items").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(Map.class));

        ResponseEntity<byte[]> webmAnswer = http.get().uri("/media_items/{id}/video", fromPath).retrieve()
                .toEntity(byte[].class);
        ResponseEntity<byte[]> binAnswer = http.get().uri("/media_items/{id}/video", uploaded).retrieve()
                .toEntity(byte[].class);

        assertThat(webmAnswer.getHeaders().getContentType().toString()).isEqualTo("video/webm");
        assertThat(webmAnswer.getBody()).isEqualTo(webm);
        assertThat(binAnswer.getHeaders().getContentType().toString()).isEqualTo("application/octet-stream");
        assertThat(binAnswer.getBody()).isEqualTo(other);
    }

    private ResponseEntity<byte[]> range(String range) {
        return http.get().uri("/media_items/{id}/video", media).header("Range", range).retrieve()
                .toEntity(byte[].class);
    }

    private int status(UUID id) {
        return http.get().uri("/media_items/{id}/video", id).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static UUID id(ResponseEntity<Map> created) {
        assertThat(created.getStatusCode().value()).isEqualTo(202);
        return UUID.fromString((String) created.getBody().get("id"));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
