package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.Upstream;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.keywords.KeywordCategories;
import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.api.support.Params;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "LLM", description = "Training examples, grounded summaries and strategy generation")
class ExamplesController {

    static final int MAX_TOP_K = 100;
    static final int DEFAULT_TOP_K = 20;
    static final int MAX_EXPORT = 2_000;
    static final int DEFAULT_EXPORT = 500;
    /** Embedding costs the model's time: an export with embeddings is held to this many examples. */
    static final int MAX_EXPORT_EMBEDDED = 500;
    static final MediaType JSONL = MediaType.parseMediaType("application/jsonl");

    private final ExampleLibrary library;

    ExamplesController(ExampleLibrary library) {
        this.library = library;
    }

    /** @param embeddingModel the model the embeddings come from; absent without embeddings */
    record ExampleList(int count, String embeddingModel, Integer embeddingDimension, List<Example> items) {
    }

    @GetMapping("/llama/examples")
    @Operation(summary = "Instruction/response examples built from the lessons' transcripts, concepts and strategies",
            description = "Kinds: concept (a rule as the teacher said it → its strategy-language text), transcript "
                    + "(an excerpt around a keyword → the concept stated in it), keywords (an excerpt → the trading "
                    + "terms it uses) and strategy (a lesson's evidence → the candidate strategy), mixed round-robin. "
                    + "format=jsonl streams the same objects one per line (as GET /llama/examples.jsonl). 400 naming "
                    + "the field: top_k outside 1..100, an unknown category or kind, a keyword over 200 characters. "
                    + "include_embeddings adds each example's vector from embeddings-service (503 when it cannot be "
                    + "reached).")
    ExampleList examples(
            @Parameter(description = "only examples about this term, e.g. RSI") @RequestParam(required = false)
            String keyword,
            @Parameter(description = "only examples near a keyword of this category, e.g. risk_management")
            @RequestParam(required = false) String category,
            @Parameter(description = "strategy, concept, transcript, keywords; several separated by commas")
            @RequestParam(required = false) String kind,
            @Parameter(description = "examples to return, 1..100 (default 20)")
            @RequestParam(name = "top_k", required = false) Integer topK,
            @Parameter(description = "add each example's embedding") @RequestParam(name = "include_embeddings",
                    required = false, defaultValue = "false") boolean includeEmbeddings,
            @Parameter(description = "json (default); jsonl streams JSON Lines") @RequestParam(required = false)
            String format) {
        // format=jsonl (exactly) is routed to exportAsFormat; any other spelling of it cannot be told apart here
        Params.oneOf("format", format, List.of("json"));
        int k = bounded(topK, DEFAULT_TOP_K, MAX_TOP_K);
        ExampleLibrary.Examples examples = library.examples(filter(keyword, category), ExampleKind.parse(kind), k,
                includeEmbeddings);
        return new ExampleList(examples.items().size(), examples.model(), examples.dimension(), examples.items());
    }

    /** {@code GET /llama/examples?format=jsonl}: the export under the endpoint's own name. */
    @GetMapping(value = "/llama/examples", params = "format=jsonl")
    @Operation(summary = "The examples as JSON Lines (as GET /llama/examples.jsonl)")
    ResponseEntity<StreamingResponseBody> exportAsFormat(
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String kind,
            @RequestParam(name = "top_k", required = false) Integer topK,
            @RequestParam(name = "include_embeddings", required = false, defaultValue = "false")
            boolean includeEmbeddings) {
        return export(keyword, category, kind, topK, includeEmbeddings);
    }

    @GetMapping("/llama/examples.jsonl")
    @Operation(summary = "The examples as JSON Lines for fine-tuning, streamed",
            description = "One example object per line (instruction, input, response, source[, embedding]). top_k "
                    + "1..2000 (default 500); with include_embeddings at most 500. 400 naming the field otherwise.")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String kind,
            @Parameter(description = "examples to export, 1..2000 (default 500; at most 500 with embeddings)")
            @RequestParam(name = "top_k", required = false) Integer topK,
            @RequestParam(name = "include_embeddings", required = false, defaultValue = "false")
            boolean includeEmbeddings) {
        int k = bounded(topK, DEFAULT_EXPORT, includeEmbeddings ? MAX_EXPORT_EMBEDDED : MAX_EXPORT);
        // built (and embedded) before the first byte, so every failure is still a problem document
        List<Example> examples = library.examples(filter(keyword, category), ExampleKind.parse(kind), k,
                includeEmbeddings).items();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (Example example : examples) {
                writer.write(Upstream.JSON.writeValueAsString(example));
                writer.write('\n');
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(JSONL)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"examples.jsonl\"").body(body);
    }

    private static ExampleReader.Filter filter(String keyword, String category) {
        return new ExampleReader.Filter(Params.text("keyword", keyword), KeywordCategories.check(category));
    }

    private static int bounded(Integer topK, int fallback, int max) {
        int k = topK == null ? fallback : topK;
        if (k < 1 || k > max) {
            throw new BadParameterException("top_k", "must be between 1 and " + max + "; got " + k);
        }
        return k;
    }
}
