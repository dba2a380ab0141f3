package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.backtesting.engine.PriceBar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeframeTest {

    private static PriceBar trade(String time, double price, double amount) {
        return new PriceBar(Instant.parse(time), price, price, price, price, amount);
    }

    @Test
    void readsMonthsBesideMinutes() {
        assertThat(Timeframe.parse("1mo").label()).isEqualTo("1mo");
        assertThat(Timeframe.parse("1MO").months()).isEqualTo(1);
        assertThat(Timeframe.parse("3mo").months()).isEqualTo(3);
        assertThat(Timeframe.parse("1m").duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Timeframe.parse("1m").months()).isZero();
        assertThat(Timeframe.parse("1mo").duration().toHours()).isEqualTo(730);
        assertThatThrownBy(() -> Timeframe.parse("1y")).hasMessageContaining("1w or 1mo");
    }

    @Test
    void aCapitalMIsRefusedAsAmbiguous() {
        assertThatThrownBy(() -> Timeframe.parse("1M")).isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("timeframe '1M' is ambiguous: write 1m for minutes or 1mo for months");
        assertThatThrownBy(() -> Timeframe.parse("15M")).hasMessageContaining("15m for minutes or 15mo for months");
        assertThat(Timeframe.parse("1Mo").months()).isEqualTo(1);
        assertThat(Timeframe.parse("5m").duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timeframe.parse("1H").duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void monthlyBarsStartOnTheFirstOfTheCalendarMonthInUtc() {
        Timeframe month = Timeframe.parse("1mo");
        Timeframe quarter = Timeframe.parse("3mo");

        assertThat(month.barStart(Instant.parse("2024-02-29T23:59:59Z"))).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(month.barStart(Instant.parse("1969-12-31T12:00:00Z"))).isEqualTo(Instant.parse("1969-12-01T00:00:00Z"));
        assertThat(quarter.barStart(Instant.parse("2024-05-15T00:00:00Z"))).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(Timeframe.parse("1d").barStart(Instant.parse("2024-05-15T13:00:00Z")))
                .isEqualTo(Instant.parse("2024-05-15T00:00:00Z"));
    }

    @Test
    void aggregatesTradesIntoCalendarMonths() {
        List<PriceBar> bars = TradeAggregator.aggregate(List.of(
                trade("2024-01-02T10:00:00Z", 100, 1), trade("2024-01-31T23:59:00Z", 90, 2),
                trade("2024-02-01T00:00:00Z", 95, 1), trade("2024-02-15T00:00:00Z", 120, 1),
                trade("2024-02-29T12:00:00Z", 110, 3)), Timeframe.parse("1mo"));

        assertThat(bars).containsExactly(
                new PriceBar(Instant.parse("2024-01-01T00:00:00Z"), 100, 100, 90, 90, 3),
                new PriceBar(Instant.parse("2024-02-01T00:00:00Z"), 95, 120, 95, 110, 5));
    }
}
