package io.tradingedu.api.transcript;

import io.tradingedu.api.support.BadParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/** The forms a transcript can be read in, with the content type each is served as. */
enum TranscriptFormat {
    JSON(MediaType.APPLICATION_JSON),
    TEXT(new MediaType("text", "plain", StandardCharsets.UTF_8)),
    SRT(new MediaType("application", "x-subrip", StandardCharsets.UTF_8)),
    VTT(new MediaType("text", "vtt", StandardCharsets.UTF_8));

    static final String ALLOWED = Arrays.stream(values()).map(TranscriptFormat::slug)
            .collect(Collectors.joining(", "));

    private final MediaType contentType;

    TranscriptFormat(MediaType contentType) {
        this.contentType = contentType;
    }

    MediaType contentType() {
        return contentType;
    }

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TranscriptFormat parse(String format) {
        return Arrays.stream(values()).filter(f -> f.slug().equalsIgnoreCase(format.strip())).findFirst()
                .orElseThrow(() -> new BadParameterException("format", "must be one of " + ALLOWED + "; got '"
                        + format + "'"));
    }
}
