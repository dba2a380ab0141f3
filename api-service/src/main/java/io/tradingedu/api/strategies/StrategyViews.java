package io.tradingedu.api.strategies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What the strategies endpoints answer; snake_case on the wire like the rest of the API. */
final class StrategyViews {

    private StrategyViews() {
    }

    /**
     * One candidate in a list.
     *
     * @param decision           promoted, rejected, or null until stage 10 decided
     * @param outOfSampleSharpe  the annualised out-of-sample Sharpe ratio stage 10 judged; null before
     * @param deflatedSharpe     the deflated Sharpe ratio (probability); null before or when unknown
     */
    record Summary(UUID id, UUID mediaId, String key, String name, String source, String text, String decision,
                   Double outOfSampleSharpe, Double deflatedSharpe, Instant decidedAt, Instant createdAt,
                   String url) {
    }

    /**
     * One candidate in full.
     *
     * @param strategy         the strategy language's JSON, as generated
     * @param text             its compact text
     * @param assumed          what the lesson left unstated and was filled from defaults: [{field, value, reason}]
     * @param evidence         where it was taught, each with links to its clips and to the minute of the video
     * @param tuning           the parameters the lesson left open
     * @param testedDefinition the variant that was judged out of sample (with the tuned parameters)
     * @param testedText       its compact text
     * @param backtests        per dataset: the backtest's id, a link to it and the metrics of every period
     * @param backtest         stage 9's full result (tuning, notes) as stored
     * @param reasons          stage 10's reasons, one per criterion: [{criterion, passed, value, threshold, text}]
     * @param proven           the proven strategy it became, if it was promoted
     */
    record Detail(UUID id, UUID mediaId, UUID runId, String key, String name, String source, JsonNode strategy,
                  String text, JsonNode assumed, List<Evidence> evidence, JsonNode tuning, JsonNode testedDefinition,
                  String testedText, List<Backtest> backtests, JsonNode backtest, String decision, JsonNode reasons,
                  Instant decidedAt, Instant createdAt, Proven proven, String mediaUrl) {
    }

    /**
     * One quote of the lesson and what it taught.
     *
     * @param source   transcript or ocr (a slide)
     * @param concepts every concept the quote supports: [{concept_id, kind, text_form}]
     * @param playUrl  the video at the second the evidence starts
     */
    record Evidence(JsonNode conceptId, String kind, String textForm, String quote, String source, JsonNode concepts,
                    Double startSeconds, Double endSeconds, List<ClipLink> clips, String playUrl) {
    }

    record ClipLink(String id, String url, String downloadUrl, String thumbnailUrl) {
    }

    /** @param url the backtesting service's full result (trades, equity) */
    record Backtest(String symbol, String timeframe, String backtestId, String url, JsonNode periods) {
    }

    record Proven(UUID id, String status, double score, Instant promotedAt, Instant statusChangedAt) {
    }

    /**
     * A proven strategy, ranked by {@code score}: its deflated Sharpe ratio, the probability that its true Sharpe
     * ratio beats the best of its lesson's trials by luck.
     */
    record ProvenStrategy(UUID id, UUID strategyId, String status, double score, Instant promotedAt,
                          Instant statusChangedAt, UUID mediaId, String key, String name, String text,
                          JsonNode testedDefinition, Double outOfSampleSharpe, JsonNode reasons, String strategyUrl) {
    }
}
