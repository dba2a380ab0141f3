package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.concepts.IndicatorMentions.Mention;
import io.tradingedu.orchestrator.tradingtext.TradingTextNormaliser;
import io.tradingedu.shared.strategy.IndicatorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stage 5: the trading concepts a lesson states, found by rules (deterministic, no model), each with its evidence.
 * Every text unit is normalised first ({@link TradingTextNormaliser}, idempotent, so already normalised transcripts
 * pass unchanged) and split into sentences; the same concept said twice in one sentence is kept once.
 * <table>
 *   <caption>Kinds, names and details</caption>
 *   <tr><td>indicator</td><td>catalogue name: RSI, SMA, MACD, BOLLINGER, ...</td>
 *       <td>{"params": {"period": 14}, "assumed": ["period"]} ("assumed" lists catalogue defaults used for
 *       parameters the lesson did not say; absent when all were said); text {@code RSI(14)}</td></tr>
 *   <tr><td>condition</td><td>the condition type: below, above, crosses_above, crosses_below, rising, falling</td>
 *       <td>{"condition": the shared-model JSON of the Condition, "role": entry|exit|filter when the sentence says,
 *       "assumed": [...] when a parameter, the threshold ("oversold") or the operands ("golden cross") were
 *       assumed}; text in the compact rule form, e.g. {@code RSI(14) < 30}</td></tr>
 *   <tr><td>level</td><td>entry_stop, exit_stop: an order at a price level ("buy a 20-day high breakout")</td>
 *       <td>{"level": the expression's JSON, "role": entry|exit}; text {@code entry_stop: HIGHEST(high, 20)}; see
 *       {@link LevelRules}</td></tr>
 *   <tr><td>risk_rule</td><td>stop_loss, take_profit, risk_reward, trailing_stop, position_risk, max_holding,
 *       pyramiding</td>
 *       <td>see {@link RiskRules}; text as a StrategyText line, e.g. {@code stop_loss: 2%}</td></tr>
 *   <tr><td>chart_pattern / candlestick</td><td>double_top, bull_flag, ... / hammer, doji, bullish_engulfing,
 *       ...</td><td>{"family": "chart"|"candlestick"}</td></tr>
 *   <tr><td>timeframe</td><td>15m, 1h, 4h, 1d, 1w, 1mo</td><td>{}</td></tr>
 *   <tr><td>direction</td><td>long, short</td><td>{}; text {@code direction: long}</td></tr>
 *   <tr><td>instrument</td><td>the ticker: AAPL, SPX, EURUSD, BTC-USD</td>
 *       <td>{"ticker": ..., "via": cashtag|pair|name|capitals}</td></tr>
 * </table>
 * Confidence = the evidence's confidence × the rule's certainty (lower for assumed parameters and thresholds, and for
 * tickers recognised only by their capitals).
 */
public final class ConceptExtractor {

    private static final double INDICATOR_CERTAINTY = 0.95;
    private static final double ASSUMED_PARAMETER_CERTAINTY = 0.8;
    private static final Set<IndicatorKind> AVERAGES = Set.of(IndicatorKind.SMA, IndicatorKind.EMA, IndicatorKind.WMA);

    private final TradingTextNormaliser normaliser = new TradingTextNormaliser();

    /** The concepts in the order of the evidence and, within a sentence, in the order they were said. */
    public List<Concept> extract(List<TextEvidence> evidence) {
        Objects.requireNonNull(evidence, "evidence");
        List<Concept> concepts = new ArrayList<>();
        for (TextEvidence unit : evidence) {
            for (String sentence : Sentences.split(normaliser.normalise(unit.text()))) {
                for (Finding finding : findings(sentence)) {
                    concepts.add(new Concept(finding.kind(), finding.name(), finding.details(), finding.textForm(),
                            unit.start(), unit.end(), sentence, Math.min(1, unit.confidence() * finding.certainty()),
                            unit.source()));
                }
            }
        }
        return concepts;
    }

    /** The distinct concepts of one normalised sentence, in the order said. */
    static List<Finding> findings(String sentence) {
        String lower = lowerCase(sentence);
        List<Finding> all = new ArrayList<>();
        List<Mention> mentions = IndicatorMentions.find(lower);
        mentions.forEach(m -> all.add(indicator(m)));
        List<Finding> conditions = ConditionRules.find(lower, mentions);
        all.addAll(conditions);
        all.addAll(averagesNamedByLength(conditions, mentions));
        all.addAll(RiskRules.find(lower));
        all.addAll(LevelRules.find(lower));
        all.addAll(PatternRules.find(lower));
        all.addAll(TimeframeRules.find(lower));
        all.addAll(DirectionRules.find(lower));
        all.addAll(InstrumentRules.find(sentence));
        all.sort(Comparator.comparingInt(Finding::at));
        Set<String> seen = new LinkedHashSet<>();
        return all.stream().filter(f -> seen.add(f.key())).toList();
    }

    /** Lower case char by char, so that positions in it are positions in the sentence. */
    private static String lowerCase(String sentence) {
        char[] chars = sentence.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private static Finding indicator(Mention mention) {
        Map<String, Object> params = new LinkedHashMap<>();
        mention.params().forEach((name, value) -> params.put(name, Numbers.value(value)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("params", params);
        if (!mention.assumed().isEmpty()) {
            details.put("assumed", mention.assumed());
        }
        return new Finding(mention.start(), "indicator", mention.kind().wireName(), details, mention.textForm(),
                mention.assumed().isEmpty() ? INDICATOR_CERTAINTY : ASSUMED_PARAMETER_CERTAINTY);
    }

    /**
     * "Crosses above the 200-day" names an average by its length only; the condition resolved which one, and that
     * average is an indicator the lesson uses too.
     */
    private static List<Finding> averagesNamedByLength(List<Finding> conditions, List<Mention> mentions) {
        List<Finding> found = new ArrayList<>();
        for (Finding condition : conditions) {
            for (Mention average : averages(condition)) {
                boolean said = mentions.stream().anyMatch(m -> m.kind() == average.kind()
                        && m.params().equals(average.params()));
                if (!said) {
                    Finding f = indicator(average);
                    found.add(new Finding(condition.at(), f.kind(), f.name(), f.details(), f.textForm(),
                            f.certainty()));
                }
            }
        }
        return found;
    }

    /** The moving averages a condition compares, read back from its JSON. */
    private static List<Mention> averages(Finding condition) {
        List<Mention> averages = new ArrayList<>();
        if (condition.details().get("condition") instanceof Map<?, ?> json) {
            for (String side : List.of("left", "right", "value")) {
                if (json.get(side) instanceof Map<?, ?> operand && operand.get("output") == null
                        && operand.get("indicator") instanceof String name
                        && operand.get("params") instanceof Map<?, ?> params
                        && params.get("period") instanceof Number period) {
                    IndicatorKind.byName(name).filter(AVERAGES::contains).ifPresent(kind -> averages.add(
                            IndicatorMentions.stated(condition.at(), kind, List.of(period.doubleValue()))));
                }
            }
        }
        return averages;
    }
}
