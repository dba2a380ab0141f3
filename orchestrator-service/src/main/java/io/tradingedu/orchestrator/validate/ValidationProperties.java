package io.tradingedu.orchestrator.validate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stage 1 settings.
 *
 * @param maxDuration  longest video accepted
 * @param ffprobePath  the ffprobe binary
 * @param ffmpegPath   the ffmpeg binary, used for the decode near the end of the file
 * @param tailDecode   how much of the end of the video is decoded to prove the file is complete
 */
@ConfigurationProperties("validation")
public record ValidationProperties(Duration maxDuration, String ffprobePath, String ffmpegPath, Duration tailDecode) {

    public ValidationProperties {
        maxDuration = maxDuration == null ? Duration.ofHours(4) : maxDuration;
        ffprobePath = ffprobePath == null ? "ffprobe" : ffprobePath;
        ffmpegPath = ffmpegPath == null ? "ffmpeg" : ffmpegPath;
        tailDecode = tailDecode == null ? Duration.ofSeconds(3) : tailDecode;
    }
}
