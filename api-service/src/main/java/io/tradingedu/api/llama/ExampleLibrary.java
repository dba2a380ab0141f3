package io.tradingedu.api.llama;

import io.tradingedu.api.support.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Builds the examples of the kinds asked for and mixes them round-robin (strategy, concept, transcript, keywords),
 * so a small {@code top_k} still shows every kind there is; with embeddings when asked. Must run while a request is
 * being handled (the play links are built from it).
 */
@Component
class ExampleLibrary {

    private final ExampleReader reader;
    private final LlamaEmbeddings embeddings;

    ExampleLibrary(ExampleReader reader, LlamaEmbeddings embeddings) {
        this.reader = reader;
        this.embeddings = embeddings;
    }

    /**
     * @param model the embedding model, set when embeddings were added
     */
    record Examples(List<Example> items, String model, Integer dimension) {
    }

    Examples examples(ExampleReader.Filter filter, List<ExampleKind> kinds, int topK, boolean withEmbeddings) {
        BiFunction<UUID, Double, String> play = (media, second) -> media == null ? null
                : Links.to("/media_items/{id}/video", media) + "#t=" + second;
        List<List<Example>> perKind = new ArrayList<>();
        List<ExampleRows.HitRow> hits = kinds.contains(ExampleKind.TRANSCRIPT) || kinds.contains(ExampleKind.KEYWORDS)
                ? reader.hits(filter, topK) : List.of();
        for (ExampleKind kind : kinds) {
            perKind.add(switch (kind) {
                case STRATEGY -> reader.strategies(filter, topK).stream().map(r -> ExampleTexts.strategy(r, play))
                        .filter(Objects::nonNull).toList();
                case CONCEPT -> reader.concepts(filter, topK).stream().map(r -> ExampleTexts.concept(r, play))
                        .toList();
                case TRANSCRIPT -> hits.stream().filter(h -> h.conceptId() != null)
                        .map(h -> ExampleTexts.hit(h, play)).toList();
                case KEYWORDS -> hits.stream().filter(h -> h.conceptId() == null)
                        .map(h -> ExampleTexts.hit(h, play)).toList();
            });
        }
        List<Example> mixed = roundRobin(perKind, topK);
        if (!withEmbeddings || mixed.isEmpty()) {
            return new Examples(mixed, null, null);
        }
        LlamaEmbeddings.Vectors vectors = embeddings.embed(mixed.stream().map(Example::embeddingText).toList());
        List<Example> embedded = new ArrayList<>(mixed.size());
        for (int i = 0; i < mixed.size(); i++) {
            embedded.add(mixed.get(i).withEmbedding(vectors.vectors().get(i)));
        }
        return new Examples(embedded, vectors.model(), vectors.dimension());
    }

    static List<Example> roundRobin(List<List<Example>> perKind, int limit) {
        List<Example> mixed = new ArrayList<>();
        for (int i = 0; mixed.size() < limit; i++) {
            boolean any = false;
            for (List<Example> examples : perKind) {
                if (i < examples.size() && mixed.size() < limit) {
                    mixed.add(examples.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return mixed;
    }
}
