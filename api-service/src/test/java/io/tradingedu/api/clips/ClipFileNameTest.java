package io.tradingedu.api.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClipFileNameTest {

    static Clip clip(int seq, List<String> keywords) {
        return new Clip(UUID.randomUUID(), UUID.randomUUID(), seq, 0, 1, 1, 10, "copy", 1, keywords, List.of(), null,
                null, null, null);
    }

    @Test
    void namesTheClipBySequenceAndFirstKeywordInHarmlessCharacters() {
        assertThat(ClipFileName.of(clip(3, List.of("Head & Shoulders", "RSI")))).isEqualTo("clip-3-head-shoulders.mp4");
        assertThat(ClipFileName.of(clip(4, List.of("\"; rm -rf /\r\nX: y")))).isEqualTo("clip-4-rm-rf-x-y.mp4");
        assertThat(ClipFileName.of(clip(5, List.of()))).isEqualTo("clip-5.mp4");
        assertThat(ClipFileName.of(clip(6, List.of("€€€")))).isEqualTo("clip-6.mp4");
    }
}
