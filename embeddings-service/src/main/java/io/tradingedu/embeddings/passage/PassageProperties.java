package io.tradingedu.embeddings.passage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How lessons are cut into passages.
 *
 * @param minWindow   a transcript window grows until it is at least this long …
 * @param maxWindow   … unless the next segment would take it past this
 * @param maxOverlap  a window's last segment is repeated at the start of the next when it is at most this long, so a
 *                    sentence on a boundary is found with its context on both sides
 * @param frameSpeech the speech taken with a frame's on-screen text, on each side of the frame
 * @param maxChars    a passage's text is cut here (the model reads ~256 word pieces; full-text search the rest)
 */
@ConfigurationProperties("passages")
public record PassageProperties(Duration minWindow, Duration maxWindow, Duration maxOverlap, Duration frameSpeech,
                                int maxChars) {

    public PassageProperties {
        minWindow = minWindow == null ? Duration.ofSeconds(20) : minWindow;
        maxWindow = maxWindow == null ? Duration.ofSeconds(40) : maxWindow;
        maxOverlap = maxOverlap == null ? Duration.ofSeconds(10) : maxOverlap;
        frameSpeech = frameSpeech == null ? Duration.ofSeconds(10) : frameSpeech;
        maxChars = maxChars <= 0 ? 4000 : maxChars;
        if (minWindow.compareTo(maxWindow) > 0) {
            throw new IllegalArgumentException("passages.min-window " + minWindow + " is longer than passages.max-window "
                    + maxWindow);
        }
    }

    public static PassageProperties defaults() {
        return new PassageProperties(null, null, null, null, 0);
    }
}
