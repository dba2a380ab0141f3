package io.tradingedu.api.concepts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.support.Params;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Concepts", description = "Indicators, conditions and risk rules stage 5 extracted from a video")
class ConceptController {

    private final MediaService media;
    private final ConceptReader concepts;

    ConceptController(MediaService media, ConceptReader concepts) {
        this.media = media;
        this.concepts = concepts;
    }

    /**
     * @param truncated true when there were more than {@link ConceptReader#MAX_CONCEPTS} and only the first are
     *                  listed
     */
    record ConceptList(UUID mediaId, int count, boolean truncated, List<Concept> items) {
    }

    @GetMapping("/media_items/{id}/concepts")
    @Operation(summary = "A media item's trading concepts in the order they were found",
            description = "At most " + ConceptReader.MAX_CONCEPTS + " ('truncated' says when there were more); an "
                    + "empty list while stage 5 has not run; 404 when the item is unknown; 400 for an unknown kind")
    ConceptList list(@PathVariable UUID id,
                     @Parameter(description = "indicator, condition, risk_rule, chart_pattern, timeframe, direction "
                             + "or instrument") @RequestParam(required = false) String kind) {
        String checkedKind = Params.oneOf("kind", kind, ConceptReader.KINDS);
        media.get(id);
        List<Concept> found = concepts.conceptsOf(id, checkedKind);
        boolean truncated = found.size() > ConceptReader.MAX_CONCEPTS;
        List<Concept> items = truncated ? found.subList(0, ConceptReader.MAX_CONCEPTS) : found;
        return new ConceptList(id, items.size(), truncated, items);
    }
}
