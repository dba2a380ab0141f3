package io.tradingedu.api.clips;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Clips: filters over their keyword and category arrays, links, downloads with HTTP ranges, thumbnails. */
class ClipApiIT extends AnalysisApiSupport {

    UUID media;
    Path video;
    Path thumbnail;
    UUID rsiClip;
    UUID stopClip;

    @BeforeEach
    void clips() throws Exception {
        media = catalogued("clips.mp4");
        video = mp4(mediaDir(media).resolve("analysis/clips/clip_001.mp4"));
        thumbnail = jpeg(mediaDir(media).resolve("analysis/clips/clip_001.jpg"));
        rsiClip = clip(media, 1, 0.9, video, thumbnail, new String[] {"RSI", "MACD"},
                new String[] {"technical_indicator"});
        stopClip = clip(media, 2, 0.7, video, null, new String[] {"stop loss"}, new String[] {"risk_management"});
        clip(media, 3, 0.5, video, null, new String[] {"RSI", "stop loss"},
                new String[] {"technical_indicator", "risk_management"});
    }

    @Test
    void filtersOnTheClipsKeywordsAndCategoriesBestFirst() {
        Map<String, Object> rsi = page("media_id=" + media + "&keyword=rsi");
        assertThat(rsi).containsEntry("total", 2);
        assertThat(items(rsi)).extracting(c -> c.get("seq")).containsExactly(1, 3);
        assertThat(page("media_id=" + media + "&category=risk_management")).containsEntry("total", 2);
        assertThat(page("media_id=" + media + "&keyword=MACD&category=technical_indicator"))
                .containsEntry("total", 1);
        Map<String, Object> paged = page("media_id=" + media + "&limit=1&skip=1");
        assertThat(paged).containsEntry("total", 3).containsEntry("limit", 1).containsEntry("skip", 1);
        assertThat(items(paged)).extracting(c -> c.get("id")).containsExactly(stopClip.toString());
        assertThat(http.get().uri("/clips?category=astrology").retrieve().toEntity(Map.class).getBody())
                .containsEntry("field", "category").containsEntry("status", 400);
        assertThat(http.get().uri("/clips?limit=500").retrieve().toEntity(Map.class).getBody())
                .containsEntry("field", "limit").containsEntry("status", 400);
    }

    @Test
    void oneClipLinksToItsVideoAndThumbnail() {
        Map<String, Object> clip = http.get().uri("/clips/{id}", rsiClip).retrieve().body(Map.class);

        assertThat(clip).containsEntry("media_id", media.toString()).containsEntry("seq", 1)
                .containsEntry("keywords", List.of("RSI", "MACD")).containsEntry("categories",
                        List.of("technical_indicator")).containsEntry("cut_mode", "reencode")
                .containsEntry("download_url", "http://localhost:" + port + "/clip/" + rsiClip + "/download")
                .containsEntry("thumbnail_url", "http://localhost:" + port + "/clips/" + rsiClip + "/thumbnail");
        assertThat(http.get().uri("/clips/{id}", stopClip).retrieve().body(Map.class).get("thumbnail_url")).isNull();
        assertThat(status("/clips/" + UUID.randomUUID())).isEqualTo(404);
    }

    @Test
    void downloadIsTheWholeMp4AsAnAttachment() throws Exception {
        ResponseEntity<byte[]> answer = http.get().uri("/clip/{id}/download", rsiClip).retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("video/mp4");
        assertThat(answer.getHeaders().getFirst("Accept-Ranges")).isEqualTo("bytes");
        assertThat(answer.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"clip-1-rsi.mp4\"");
        assertThat(answer.getBody()).isEqualTo(Files.readAllBytes(video));
    }

    @Test
    void rangeRequestsGetExactlyTheBytesAskedFor() throws Exception {
        byte[] file = Files.readAllBytes(video);

        ResponseEntity<byte[]> middle = range("bytes=100-299");
        ResponseEntity<byte[]> tail = range("bytes=-50");

        assertThat(middle.getStatusCode().value()).isEqualTo(206);
        assertThat(middle.getHeaders().getFirst("Content-Range")).isEqualTo("bytes 100-299/" + file.length);
        assertThat(middle.getBody()).isEqualTo(Arrays.copyOfRange(file, 100, 300));
        assertThat(tail.getStatusCode().value()).isEqualTo(206);
        assertThat(tail.getBody()).isEqualTo(Arrays.copyOfRange(file, file.length - 50, file.length));
    }

    @Test
    void rangeBeyondTheEndIs416() throws Exception {
        long size = Files.size(video);

        ResponseEntity<Map> beyond = http.get().uri("/clip/{id}/download", rsiClip)
                .header("Range", "bytes=" + (size + 10) + "-").retrieve().toEntity(Map.class);
        ResponseEntity<Map> nonsense = http.get().uri("/clip/{id}/download", rsiClip)
                .header("Range", "pages=1-2").retrieve().toEntity(Map.class);

        assertThat(beyond.getStatusCode().value()).isEqualTo(416);
        assertThat(beyond.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + size);
        assertThat(beyond.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(beyond.getBody()).containsEntry("type", "https://tradingedu.io/problems/range-not-satisfiable");
        assertThat(nonsense.getStatusCode().value()).isEqualTo(416);
    }

    @Test
    void thumbnailIsTheJpeg() throws Exception {
        ResponseEntity<byte[]> answer = http.get().uri("/clips/{id}/thumbnail", rsiClip).retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(answer.getBody()).isEqualTo(Files.readAllBytes(thumbnail));
        assertThat(status("/clips/" + stopClip + "/thumbnail")).isEqualTo(404);
    }

    @Test
    void downloadIs404OnceTheFileIsGoneOrWhenItLiesOutsideTheItem() throws Exception {
        Path outside = mp4(BASE.resolve("outside-" + UUID.randomUUID() + ".mp4"));
        UUID tampered = clip(media, 9, 0.1, outside, outside, new String[] {"RSI"}, new String[] {"timeframe"});

        assertThat(status("/clip/" + tampered + "/download")).isEqualTo(404);
        assertThat(status("/clips/" + tampered + "/thumbnail")).isEqualTo(404);
        assertThat(status("/clip/" + rsiClip + "/download")).isEqualTo(200);
        Files.delete(video);
        ResponseEntity<Map> gone = http.get().uri("/clip/{id}/download", rsiClip).retrieve().toEntity(Map.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(gone.getBody()).containsEntry("type", "https://tradingedu.io/problems/clip-file-not-found");
        assertThat(status("/clip/" + UUID.randomUUID() + "/download")).isEqualTo(404);
    }

    /** The dashboard's download link: asked for with the key, read without one, for this item's clips only. */
    @Test
    void aSignedClipLinkDownloadsTheItemsClipsWithoutAKeyAndNoOtherItemsClips() throws Exception {
        UUID other = catalogued("other-clips.mp4");
        UUID othersClip = clip(other, 1, 0.9, mp4(mediaDir(other).resolve("analysis/clips/clip_001.mp4")), null,
                new String[] {"MACD"}, new String[] {"technical_indicator"});
        Map<String, Object> link = http.get().uri("/media_items/{id}/clip_link", media).retrieve().body(Map.class);
        String base = (String) link.get("url");
        RestClient anonymous = RestClient.builder()
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        ResponseEntity<byte[]> download = anonymous.get().uri(base + rsiClip).retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("video/mp4");
        assertThat(download.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"clip-1-rsi.mp4\"");
        assertThat(download.getBody()).isEqualTo(Files.readAllBytes(video));
        ResponseEntity<byte[]> part = anonymous.get().uri(base + rsiClip).header("Range", "bytes=0-9").retrieve()
                .toEntity(byte[].class);
        assertThat(part.getStatusCode().value()).isEqualTo(206);
        assertThat(part.getBody()).isEqualTo(Arrays.copyOf(Files.readAllBytes(video), 10));

        assertThat(anonymous.get().uri(base + othersClip).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(anonymous.get().uri(base + UUID.randomUUID()).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(anonymous.get().uri("http://localhost:" + port + "/clip/" + rsiClip + "/download").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<byte[]> range(String range) {
        return http.get().uri("/clip/{id}/download", rsiClip).header("Range", range).retrieve()
                .toEntity(byte[].class);
    }

    private int status(String path) {
        return http.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private Map<String, Object> page(String query) {
        ResponseEntity<Map> answer = http.get().uri("/clips?" + query).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(200);
        return answer.getBody();
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private UUID clip(UUID media, int seq, double score, Path file, Path thumbnail, String[] keywords,
                      String[] categories) throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                    thumbnail_path, size_bytes, cut_mode, score, keywords, categories, transcript_excerpt, created_at)
                VALUES (?, ?, ?, ?, ?, 2.0, ?, ?, ?, 'reencode', ?, ?, ?, 'the RSI is oversold', now())""",
                id, media, seq, seq * 10.0, seq * 10.0 + 2, file.toString(),
                thumbnail == null ? null : thumbnail.toString(), Files.size(file), score, keywords, categories);
        return id;
    }
}
