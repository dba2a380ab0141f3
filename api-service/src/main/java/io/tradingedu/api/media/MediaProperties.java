package io.tradingedu.api.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where media lives.
 *
 * @param root       the media root on the shared filesystem: one directory per media item
 * @param ingestRoot {@code POST /ingest} accepts only regular files under this directory
 * @param watch      the optional watch folder
 */
@ConfigurationProperties("media")
public record MediaProperties(Path root, Path ingestRoot, Watch watch) {

    /**
     * @param enabled  off by default
     * @param dir      the folder watched; must lie under the ingest root
     * @param interval how often it is scanned; a file is ingested once two scans saw the same size and time
     */
    public record Watch(boolean enabled, Path dir, Duration interval) {
    }
}
