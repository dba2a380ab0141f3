package io.tradingedu.embeddings.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Index")
class ReindexController {

    private final Reindexer reindexer;

    ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @PostMapping("/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-embed every passage made by another model with the model in use (EMBEDDING_MODEL)",
            description = "Runs in the background, one media item at a time; a second call while it runs only "
                    + "reports progress. Until an item is re-embedded its passages are not searched.")
    Reindexer.Progress start() {
        return reindexer.start();
    }

    @GetMapping("/reindex")
    @Operation(summary = "Progress of the last re-index")
    Reindexer.Progress progress() {
        return reindexer.progress();
    }
}
