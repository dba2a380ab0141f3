package io.tradingedu.api.search;

import io.tradingedu.api.support.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code embedding_type} parameter: transcript, frame, clip or all, singular or plural (the original service's
 * endpoints were {@code /search/transcripts}, ...), one or several separated by commas. Checked here because the
 * name is api-service's own: embeddings-service would refuse a bad value naming its {@code type}.
 */
final class EmbeddingTypes {

    static final String FIELD = "embedding_type";
    private static final List<String> TYPES = List.of("transcript", "frame", "clip");

    private EmbeddingTypes() {
    }

    /** The value in embeddings-service's spelling (singular, lower case); {@code null} or blank stays absent. */
    static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String type = singular(part.strip().toLowerCase(Locale.ROOT));
            if (type.equals("all")) {
                return "all";
            }
            if (!TYPES.contains(type)) {
                throw new BadParameterException(FIELD, "must be transcript, frame, clip or all (or their plurals), "
                        + "several separated by commas; got '" + excerpt(value) + "'");
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return String.join(",", types);
    }

    private static String singular(String type) {
        return type.endsWith("s") && TYPES.contains(type.substring(0, type.length() - 1))
                ? type.substring(0, type.length() - 1) : type;
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
