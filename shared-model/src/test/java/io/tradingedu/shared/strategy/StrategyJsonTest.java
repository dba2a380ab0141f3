package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StrategyJsonTest {

    private static final String FULL = """
            name: everything
            direction: short
            entry: MACD(12, 26, 9).histogram crosses above 0 and ADX(14) > 25
            entry: close between KELTNER_lower(20, 2, 10) and KELTNER_upper(20, 2, 10)
            exit: RSI(SMA(close, 3), 14) falling over 2 bars or STOCH_d(14, 3) < 20
            exit: stop_loss_hit
            stop_loss: 2 ATR(14)
            take_profit: 3R
            trailing_stop: 4%
            max_bars: 30
            size: risk 1%
            commission_bps: 5
            slippage_bps: 1
            """;
    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(StrategySchema.json());

    @Test
    void roundTripsThroughJson() {
        StrategyDefinition strategy = StrategyText.parse(FULL);

        String json = StrategyJson.toJson(strategy);

        assertThat(StrategyJson.fromJson(json)).isEqualTo(strategy);
        assertThat(json).contains("\"type\":\"crosses_above\"", "\"stop_loss\":{\"atr_multiple\":2.0,\"atr_period\":14}",
                "\"direction\":\"short\"", "\"risk_per_trade\":0.01");
    }

    @Test
    void rejectsUnknownFieldsWithTheirLocation() {
        assertThatThrownBy(() -> StrategyJson.fromJson("""
                {"entry": {"type": "above", "left": {"price": "close"}, "right": {"constant": 1}},
                 "risk": {"stop_los": {"percent": 2}}}
                """))
                .isInstanceOf(StrategySyntaxException.class)
                .hasMessageContaining("stop_los")
                .hasMessageContaining("line 2");
    }

    @Test
    void schemaAcceptsWhatTheLanguageWrites() {
        JsonNode json = StrategyJson.toTree(StrategyText.parse(FULL));

        assertThat(schema.validate(json)).isEmpty();
    }

    @Test
    void schemaRejectsUnknownIndicatorsAndOutOfRangeParameters() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode unknown = mapper.readTree("""
                {"entry": {"type": "above", "left": {"indicator": "SMAA"}, "right": {"constant": 1}}, "max_bars": 3}""");
        JsonNode outOfRange = mapper.readTree("""
                {"entry": {"type": "above", "left": {"indicator": "RSI", "params": {"period": 0}},
                 "right": {"constant": 1}}}""");

        assertThat(schema.validate(unknown)).isNotEmpty();
        assertThat(schema.validate(outOfRange)).isNotEmpty();
    }

    @Test
    void schemaListsEveryIndicatorOfTheCatalogue() {
        JsonNode defs = StrategySchema.json().get("$defs");

        assertThat(Arrays.stream(IndicatorKind.values()))
                .allSatisfy(kind -> assertThat(defs.has("indicator_" + kind.wireName())).isTrue());
    }
}
