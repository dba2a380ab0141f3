package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.backtesting.engine.PriceBar;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvBarReaderTest {

    private static final Timeframe DAILY = Timeframe.parse("1d");

    private static ParsedUpload read(String csv) {
        return read(csv, DAILY);
    }

    private static ParsedUpload read(String csv, Timeframe timeframe) {
        return CsvBarReader.read(new BufferedReader(new StringReader(csv)), timeframe);
    }

    @Test
    void readsPlainBars() {
        ParsedUpload upload = read("""
                date,open,high,low,close,volume
                2013-01-02,553.82,555.00,541.63,549.03,20018500\r
                2013-01-03,547.88,549.67,541.00,542.10,12605900\r
                """);

        assertThat(upload.bars()).containsExactly(
                new PriceBar(Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.00, 541.63, 549.03, 20018500),
                new PriceBar(Instant.parse("2013-01-03T00:00:00Z"), 547.88, 549.67, 541.00, 542.10, 12605900));
        assertThat(upload.rejected()).isEmpty();
    }

    @Test
    void readsYahooStyleWithAdjustedCloseUsingTheClose() {
        ParsedUpload upload = read("""
                Date,Open,High,Low,Close,Adj Close,Volume
                2020-04-16,2799.34,2806.51,2764.32,2799.55,2799.55,5179990000
                """);

        assertThat(upload.bars().getFirst().close()).isEqualTo(2799.55);
        assertThat(upload.format()).contains("adjusted close ignored");
    }

    @Test
    void readsSemicolonsWithDecimalCommasAndNamedMonthsNewestFirst() {
        ParsedUpload upload = read("""
                Date;Open;High;Low;Close;Volume
                19-Sep-03;29,76;29,97;29,52;29,96;92433800
                18-Sep-03;28,49;29,51;28,42;29,50;67268096
                """);

        assertThat(upload.bars()).extracting(PriceBar::time).containsExactly(
                Instant.parse("2003-09-18T00:00:00Z"), Instant.parse("2003-09-19T00:00:00Z"));
        assertThat(upload.bars().getLast().open()).isEqualTo(29.76);
    }

    @Test
    void rejectsImpossibleBarsAndDuplicatesNamingTheLine() {
        ParsedUpload upload = read("""
                date,open,high,low,close,volume
                2020-01-02,10,12,9,11,100
                2020-01-03,10,10.5,9,11,100
                2020-01-04,10,12,10.5,11,100
                2020-01-05,-1,12,9,11,100
                2020-01-02,10,12,9,11,100
                2020-01-06,10,12,9,eleven,100
                2020-13-45,10,12,9,11,100
                """);

        assertThat(upload.bars()).hasSize(1);
        assertThat(upload.rejectedCount()).isEqualTo(6);
        assertThat(upload.rejected()).extracting(RejectedRow::line).containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(upload.rejected()).filteredOn(r -> r.line() == 3).singleElement()
                .extracting(RejectedRow::reason).isEqualTo("high 10.5 is below max(open, close) 11.0");
        assertThat(upload.rejected()).filteredOn(r -> r.line() == 6).singleElement()
                .extracting(RejectedRow::reason).asString().startsWith("duplicate time 2020-01-02T00:00:00Z (first on line 2)");
    }

    @Test
    void aggregatesTradesIntoBarsOfTheTimeframe() {
        ParsedUpload upload = read("""
                timestamp,price,amount
                1385337600,800.01,0.25
                1385337613,805.00,0.25
                1385337700,799.00,0.5
                1385341200,801.00,1.0
                """, Timeframe.parse("1h"));

        assertThat(upload.bars()).containsExactly(
                new PriceBar(Instant.parse("2013-11-25T00:00:00Z"), 800.01, 805.00, 799.00, 799.00, 1.0),
                new PriceBar(Instant.parse("2013-11-25T01:00:00Z"), 801.00, 801.00, 801.00, 801.00, 1.0));
        assertThat(upload.format()).startsWith("trades aggregated to 1h bars");
    }

    @Test
    void refusesFilesWithoutAHeader() {
        assertThatThrownBy(() -> read("2020-01-02,10,12,9,11,100\n"))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("the first line must be a header");
        assertThatThrownBy(() -> read("date,open,close\n2020-01-02,1,2\n"))
                .hasMessageContaining("no high, low column(s)");
    }
}
