package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.UpstreamException;
import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * embeddings-service as the /llama endpoints use it: its hybrid {@code GET /search} for the passages a summary is
 * grounded in, and its internal {@code POST /embed} for the vectors of examples (in batches within its limits:
 * 256 texts, 4,000 characters each, 100,000 in all).
 */
@Component
class LlamaEmbeddings {

    static final int MAX_BATCH_TEXTS = 256;
    static final int MAX_TEXT_CHARS = 4_000;
    static final int MAX_BATCH_CHARS = 100_000;
    /** {@code POST /embed} answers 429 while another bulk request runs; a few tries, then the 429 stands. */
    private static final int EMBED_TRIES = 3;

    private final Upstream embeddings;

    LlamaEmbeddings(@Value("${embeddings.url:http://localhost:8004}") URI url, LlamaProperties properties,
                    RestClient.Builder restClients, ServiceCredential credential) {
        this.embeddings = new Upstream(restClients, "embeddings-service", url, properties.connectTimeout(),
                properties.readTimeout(), credential);
    }

    /** A transcript passage the search found, best first. */
    record Passage(String type, UUID mediaId, UUID sourceId, double startSeconds, double endSeconds, String text,
                   List<String> keywords, double score, Double similarity, String play) {
    }

    record SearchAnswer(String query, String mode, String model, List<Passage> hits, List<String> notes) {
    }

    record Vectors(String model, int dimension, List<float[]> vectors) {
    }

    /** The hybrid search's top {@code topK} transcript passages for {@code query}. */
    SearchAnswer search(String query, int topK) {
        return embeddings.call("the search", http -> http.get()
                .uri(uri -> uri.path("/search").queryParam("query", "{q}").queryParam("top_k", topK)
                        .queryParam("type", "transcript").queryParam("mode", "hybrid").build(query))
                .accept(MediaType.APPLICATION_JSON).retrieve().body(SearchAnswer.class));
    }

    /** One vector per text, in order; texts longer than the service takes are cut. */
    Vectors embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        String model = null;
        int dimension = 0;
        for (List<String> batch : batches(texts)) {
            Vectors answer = embedBatch(batch);
            if (answer.vectors() == null || answer.vectors().size() != batch.size()) {
                throw embeddings.failed("embeddings-service answered " + batch.size() + " texts with "
                        + (answer.vectors() == null ? 0 : answer.vectors().size()) + " vectors");
            }
            vectors.addAll(answer.vectors());
            model = answer.model();
            dimension = answer.dimension();
        }
        return new Vectors(model, dimension, vectors);
    }

    private Vectors embedBatch(List<String> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return embeddings.call("the embedding", http -> http.post().uri("/embed")
                        .contentType(MediaType.APPLICATION_JSON).body(new EmbedRequest(batch))
                        .retrieve().body(Vectors.class));
            } catch (UpstreamException e) {
                if (e.status() != HttpStatus.TOO_MANY_REQUESTS || attempt == EMBED_TRIES) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings-service", e);
        }
    }

    /** Consecutive batches within the service's per-request limits. */
    static List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long chars = 0;
        for (String text : texts) {
            String cut = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
            if (!current.isEmpty() && (current.size() == MAX_BATCH_TEXTS || chars + cut.length() > MAX_BATCH_CHARS)) {
                batches.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(cut);
            chars += cut.length();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    record EmbedRequest(List<String> texts) {
    }
}
