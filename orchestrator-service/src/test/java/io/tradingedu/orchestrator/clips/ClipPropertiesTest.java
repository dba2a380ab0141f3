package io.tradingedu.orchestrator.clips;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.clips.ClipProperties.CutMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The keys application.yml uses bind as documented, and missing ones fall back to the defaults. */
class ClipPropertiesTest {

    @Test
    void bindsTheYamlKeys() {
        var source = new MapConfigurationPropertySource(Map.ofEntries(
                Map.entry("clips.padding-before", "3s"), Map.entry("clips.padding-after", "10s"),
                Map.entry("clips.merge-gap", "2500ms"), Map.entry("clips.min-duration", "6s"),
                Map.entry("clips.max-duration", "45s"), Map.entry("clips.max-clips", "5"),
                Map.entry("clips.min-confidence", "0.7"), Map.entry("clips.cut-mode", "copy"),
                Map.entry("clips.crf", "28"), Map.entry("clips.preset", "VeryFast"),
                Map.entry("clips.thumbnail-width", "480")));

        ClipProperties p = new Binder(source).bind("clips", ClipProperties.class).get();

        assertThat(p).isEqualTo(new ClipProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofMillis(2500), Duration.ofSeconds(6), Duration.ofSeconds(45), 5, 0.7, CutMode.COPY, 28,
                "veryfast", 480, "ffmpeg", "ffprobe"));
    }

    @Test
    void missingKeysTakeTheDefaults() {
        var source = new MapConfigurationPropertySource(Map.of("clips.cut-mode", "reencode"));

        ClipProperties p = new Binder(source).bind("clips", ClipProperties.class).get();

        assertThat(p).isEqualTo(ClipProperties.defaults());
        assertThat(p.paddingBefore()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.paddingAfter()).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.maxDuration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.preset()).isEqualTo("ultrafast");
        assertThat(p.maxClips()).isEqualTo(12);
        assertThat(p.cutMode().label()).isEqualTo("reencode");
    }
}
