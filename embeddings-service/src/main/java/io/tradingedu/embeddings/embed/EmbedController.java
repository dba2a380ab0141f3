package io.tradingedu.embeddings.embed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import io.tradingedu.embeddings.search.BadSearchException;
import io.tradingedu.embeddings.search.SearchLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Embeddings", description = "Sentence vectors from the service's model")
class EmbedController {

    private final SentenceEmbedder embedder;
    private final SearchLimits limits;
    private final Semaphore admitted;

    EmbedController(SentenceEmbedder embedder, SearchLimits limits) {
        this.embedder = embedder;
        this.limits = limits;
        this.admitted = new Semaphore(limits.embedConcurrency());
    }

    @Schema(description = "One text or several (not both)")
    record EmbedRequest(@Schema(example = "buy when RSI crosses above 30") String text, List<String> texts) {
    }

    record EmbedResponse(String model, int dimension, List<float[]> vectors) {
    }

    @PostMapping("/embed")
    @Operation(summary = "Embed texts with the service's model (L2-normalised, so a dot product is the cosine)",
            description = "At most 256 texts of at most 4000 characters each and 100,000 in all; 400 naming the field "
                    + "otherwise. 429 while another request is being embedded.")
    EmbedResponse embed(@RequestBody EmbedRequest request) {
        List<String> texts = texts(request);
        // the model is shared with searches and stage 6: bulk embedding waits for nobody and is refused when busy
        if (!admitted.tryAcquire()) {
            throw new EmbedBusyException(limits.embedConcurrency());
        }
        try {
            return new EmbedResponse(embedder.modelName(), embedder.dimension(), embedder.embedAll(texts));
        } finally {
            admitted.release();
        }
    }

    private List<String> texts(EmbedRequest request) {
        if (request.text() != null && request.texts() != null) {
            throw new BadSearchException("texts", "give either text or texts, not both");
        }
        List<String> texts = request.text() != null ? List.of(request.text())
                : request.texts() == null ? List.of() : request.texts();
        if (texts.isEmpty()) {
            throw new BadSearchException("texts", "at least one text is needed");
        }
        if (texts.size() > limits.maxEmbedTexts()) {
            throw new BadSearchException("texts", texts.size() + " texts; at most " + limits.maxEmbedTexts()
                    + " per request");
        }
        List<String> checked = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String field = "texts[" + i + "]";
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new BadSearchException(field, "must not be empty");
            }
            if (text.length() > limits.maxEmbedChars()) {
                throw new BadSearchException(field, "is " + text.length() + " characters long; at most "
                        + limits.maxEmbedChars() + " are allowed");
            }
            checked.add(text);
        }
        long total = checked.stream().mapToLong(String::length).sum();
        if (total > limits.maxEmbedTotalChars()) {
            throw new BadSearchException("texts", total + " characters in all; at most " + limits.maxEmbedTotalChars()
                    + " per request");
        }
        return checked;
    }
}
