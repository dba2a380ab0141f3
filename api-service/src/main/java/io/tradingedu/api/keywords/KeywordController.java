package io.tradingedu.api.keywords;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.Paging;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Keywords", description = "Trading keywords stage 3 found, with their times and confidence")
class KeywordController {

    private final MediaService media;
    private final KeywordReader keywords;

    KeywordController(MediaService media, KeywordReader keywords) {
        this.media = media;
        this.keywords = keywords;
    }

    @GetMapping("/keywords")
    @Operation(summary = "Keyword hits, filtered and paged, with the total that match",
            description = "Ordered by media item, then time. 400 naming the field for a limit outside 1..200, a "
                    + "negative skip, a min_confidence outside 0..1 or an unknown category.")
    Paging.Page<KeywordHit> list(
            @Parameter(description = "only this media item's hits") @RequestParam(name = "media_id", required = false)
            UUID mediaId,
            @Parameter(description = "the keyword, case-insensitive, e.g. RSI") @RequestParam(required = false)
            String keyword,
            @Parameter(description = "technical_indicator, price_action, risk_management, order_type, "
                    + "market_condition, strategy_type, timeframe, chart_pattern or candlestick")
            @RequestParam(required = false) String category,
            @Parameter(description = "0 to 1") @RequestParam(name = "min_confidence", required = false)
            Double minConfidence,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int skip) {
        KeywordFilter filter = KeywordFilter.of(mediaId, keyword, category, minConfidence);
        return keywords.find(filter, new Paging(skip, limit));
    }

    @GetMapping("/keywords/{id}")
    @Operation(summary = "One keyword hit (404 when unknown)")
    KeywordHit get(@PathVariable UUID id) {
        return keywords.get(id).orElseThrow(() -> new NotFoundException("keyword-hit", "no keyword hit with id " + id));
    }

    @GetMapping("/media_items/{id}/keywords/summary")
    @Operation(summary = "How often each keyword and each category occurs in a media item, most frequent first",
            description = "At most " + KeywordReader.MAX_SUMMARY_KEYWORDS + " keywords; 404 when the item is unknown")
    KeywordSummary summary(@PathVariable UUID id) {
        media.get(id);
        return keywords.summarise(id);
    }
}
