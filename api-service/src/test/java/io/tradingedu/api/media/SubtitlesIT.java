package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Subtitles that come with a video end up in the item's directory as subtitles.srt or subtitles.vtt, where the
 * transcript stage looks for them: a sidecar file beside an ingested video, or an upload's 'subtitles' part.
 */
class SubtitlesIT extends AnalysisApiSupport {

    static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\nBuy when the RSI is below 30\n\n";
    static final String VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nSet the stop under the low\n\n";

    @Test
    void ingestCopiesASidecarSrtBesideTheVideo() throws Exception {
        Path video = video("lesson-" + UUID.randomUUID() + ".mp4");
        Files.writeString(sibling(video, ".srt"), SRT);

        UUID id = ingest(video);

        assertThat(mediaDir(id).resolve("subtitles.srt")).hasContent(SRT);
        assertThat(mediaDir(id).resolve("subtitles.vtt")).doesNotExist();
    }

    @Test
    void ingestTakesAnEnglishVttSidecar() throws Exception {
        Path video = video("talk-" + UUID.randomUUID() + ".mkv");
        Files.writeString(sibling(video, ".en.vtt"), VTT);

        UUID id = ingest(video);

        assertThat(mediaDir(id).resolve("subtitles.vtt")).hasContent(VTT);
    }

    @Test
    void sidecarsOverTheLimitOrLeadingOutOfTheIngestRootAreIgnored() throws Exception {
        Path big = video("big-" + UUID.randomUUID() + ".mp4");
        Files.write(sibling(big, ".srt"), (SRT + "x".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
        Path linked = video("linked-" + UUID.randomUUID() + ".mp4");
        Path outside = Files.writeString(BASE.resolve("outside-" + UUID.randomUUID() + ".srt"), SRT);
        Files.createSymbolicLink(sibling(linked, ".srt"), outside);

        UUID bigId = ingest(big);
        UUID linkedId = ingest(linked);

        assertThat(mediaDir(bigId).resolve("subtitles.srt")).doesNotExist();
        assertThat(mediaDir(linkedId).resolve("subtitles.srt")).doesNotExist();
    }

    @Test
    void uploadStoresASubtitlesPartRecognisedByItsContent() throws Exception {
        ResponseEntity<Map> answer = upload(randomBytes(3_000), "captions.txt", VTT.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        UUID id = UUID.fromString((String) answer.getBody().get("id"));
        assertThat(mediaDir(id).resolve("subtitles.vtt")).hasContent(VTT);
    }

    @Test
    void uploadStoresASubtitlesPartRecognisedByItsName() throws Exception {
        ResponseEntity<Map> answer = upload(randomBytes(3_000), "lesson.srt", "just words".getBytes());

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        UUID id = UUID.fromString((String) answer.getBody().get("id"));
        assertThat(mediaDir(id).resolve("subtitles.srt")).hasContent("just words");
    }

    @Test
    void uploadWithSubtitlesThatAreNotSubtitlesIs400AndStoresNothing() throws Exception {
        byte[] video = randomBytes(3_000);
        byte[] binary = randomBytes(100);
        binary[10] = 0;

        assertRefused(upload(video, "notes.pdf", "hello".getBytes()), "neither by name or content");
        assertRefused(upload(video, "binary.srt", binary), "neither by name or content");
        assertRefused(upload(video, "huge.srt", new byte[5 * 1024 * 1024 + 1]), "at most 5 MB");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media.media_item WHERE sha256 = ?", Integer.class,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video)))).isZero();
    }

    private static void assertRefused(ResponseEntity<Map> answer, String reason) {
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("field", "subtitles")
                .containsEntry("type", "https://tradingedu.io/problems/bad-parameter");
        assertThat((String) answer.getBody().get("detail")).contains(reason);
    }

    private UUID ingest(Path video) {
        ResponseEntity<Map> answer = http.post().uri("/ingest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("video_path", video.getFileName().toString())).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        return UUID.fromString((String) answer.getBody().get("id"));
    }

    private ResponseEntity<Map> upload(byte[] video, String subtitlesName, byte[] subtitles) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", named(video, "with-subtitles.mp4"));
        parts.add("subtitles", named(subtitles, subtitlesName));
        return http.post().uri("/media_items").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
                .toEntity(Map.class);
    }

    private static ByteArrayResource named(byte[] content, String filename) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    private static Path video(String name) throws Exception {
        return Files.write(BASE.resolve("ingest").resolve(name), randomBytes(2_000));
    }

    private static Path sibling(Path video, String suffix) {
        String name = video.getFileName().toString();
        return video.resolveSibling(name.substring(0, name.lastIndexOf('.')) + suffix);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
