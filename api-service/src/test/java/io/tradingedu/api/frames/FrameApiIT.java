package io.tradingedu.api.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Frames and their images; files outside their item's directory are never served. */
class FrameApiIT extends AnalysisApiSupport {

    @Test
    void listsFramesInTimeOrderWithImagesThatServeTheJpegBytes() throws Exception {
        UUID media = catalogued("chart.mp4");
        Path image = jpeg(mediaDir(media).resolve("analysis/frames/000002.jpg"));
        UUID second = frame(media, 2, 12.5, "interval", image.toString(), "RSI 30", 0.88, true);
        UUID first = frame(media, 1, 2.0, "scene", image.toString(), null, null, false);

        Map<String, Object> list = http.get().uri("/media_items/{id}/frames", media).retrieve().body(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");

        assertThat(list).containsEntry("count", 2).containsEntry("truncated", false);
        assertThat(items).extracting(i -> i.get("id")).containsExactly(first.toString(), second.toString());
        assertThat(items.get(1)).containsEntry("time", 12.5).containsEntry("selection", "interval")
                .containsEntry("width", 320).containsEntry("height", 180).containsEntry("ocr_text", "RSI 30")
                .containsEntry("ocr_confidence", 0.88).containsEntry("has_trading_text", true)
                .containsEntry("image_url", "http://localhost:" + port + "/frames/" + second + "/image");
        ResponseEntity<byte[]> jpeg = http.get().uri((String) items.get(1).get("image_url")).retrieve()
                .toEntity(byte[].class);
        assertThat(jpeg.getStatusCode().value()).isEqualTo(200);
        assertThat(jpeg.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(jpeg.getBody()).isEqualTo(Files.readAllBytes(image));
    }

    @Test
    void imageIs404WhenTheFrameIsUnknownOrItsFileIsGone() throws Exception {
        UUID media = catalogued("gone.mp4");
        Path image = jpeg(mediaDir(media).resolve("analysis/frames/000001.jpg"));
        UUID frame = frame(media, 1, 1.0, "scene", image.toString(), null, null, false);
        Files.delete(image);

        assertThat(status("/frames/" + frame + "/image")).isEqualTo(404);
        assertThat(status("/frames/" + UUID.randomUUID() + "/image")).isEqualTo(404);
        assertThat(status("/media_items/" + UUID.randomUUID() + "/frames")).isEqualTo(404);
    }

    @Test
    void filesOutsideTheItemsDirectoryAreNeverServed() throws Exception {
        UUID media = catalogued("tampered.mp4");
        UUID other = catalogued("other.mp4");
        Path outsideRoot = jpeg(BASE.resolve("secret.jpg"));
        Path othersFile = jpeg(mediaDir(other).resolve("analysis/frames/000001.jpg"));
        Path link = Files.createSymbolicLink(mediaDir(media).resolve("link.jpg"), outsideRoot);
        Path inside = jpeg(mediaDir(media).resolve("analysis/frames/000001.jpg"));

        UUID absoluteOutside = frame(media, 1, 1.0, "scene", outsideRoot.toString(), null, null, false);
        UUID dotDot = frame(media, 2, 2.0, "scene", mediaDir(media).resolve("../../secret.jpg").toString(), null,
                null, false);
        UUID viaLink = frame(media, 3, 3.0, "scene", link.toString(), null, null, false);
        UUID anotherItems = frame(media, 4, 4.0, "scene", othersFile.toString(), null, null, false);
        UUID fine = frame(media, 5, 5.0, "scene", inside.toString(), null, null, false);

        assertThat(status("/frames/" + absoluteOutside + "/image")).isEqualTo(404);
        assertThat(status("/frames/" + dotDot + "/image")).isEqualTo(404);
        assertThat(status("/frames/" + viaLink + "/image")).isEqualTo(404);
        assertThat(status("/frames/" + anotherItems + "/image")).isEqualTo(404);
        assertThat(status("/frames/" + fine + "/image")).isEqualTo(200);
    }

    /** The dashboard's image link: asked for with the key, read by an img element without one, this item's only. */
    @Test
    void aSignedFrameLinkServesTheItemsImagesWithoutAKeyAndNoOtherItemsImages() throws Exception {
        UUID media = catalogued("linked.mp4");
        UUID other = catalogued("not-linked.mp4");
        Path image = jpeg(mediaDir(media).resolve("analysis/frames/000001.jpg"));
        UUID frame = frame(media, 1, 1.0, "scene", image.toString(), "SMA 50", 0.9, true);
        UUID othersFrame = frame(other, 1, 1.0, "scene",
                jpeg(mediaDir(other).resolve("analysis/frames/000001.jpg")).toString(), null, null, false);
        Map<String, Object> link = http.get().uri("/media_items/{id}/frame_link", media).retrieve().body(Map.class);
        String base = (String) link.get("url");
        RestClient anonymous = RestClient.builder()
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        assertThat(base).startsWith("http://localhost:" + port + "/ui/frames/").endsWith("/");
        ResponseEntity<byte[]> jpeg = anonymous.get().uri(base + frame).retrieve().toEntity(byte[].class);
        assertThat(jpeg.getStatusCode().value()).isEqualTo(200);
        assertThat(jpeg.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(jpeg.getBody()).isEqualTo(Files.readAllBytes(image));
        assertThat(anonymous.get().uri(base + othersFrame).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(anonymous.get().uri("http://localhost:" + port + "/frames/" + frame + "/image").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    private int status(String path) {
        return http.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private UUID frame(UUID media, int seq, double time, String selection, String path, String ocr, Double confidence,
                       boolean trading) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO analysis.frame (id, media_id, seq, time_seconds, selection, image_path, width, height,
                    ocr_text, ocr_confidence, has_trading_text) VALUES (?, ?, ?, ?, ?, ?, 320, 180, ?, ?, ?)""",
                id, media, seq, time, selection, path, ocr, confidence, trading);
        return id;
    }
}
