package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploads are read as a stream within limits, and every cell is a plain finite decimal or a sane date. */
class CsvBoundsTest {

    private static final Timeframe DAILY = Timeframe.parse("1d");

    private static ParsedUpload read(String csv) {
        return CsvBarReader.read(new StringReader(csv), DAILY);
    }

    private static RejectedRow rejectedLine(ParsedUpload upload, long line) {
        return upload.rejected().stream().filter(r -> r.line() == line).findFirst().orElseThrow();
    }

    @Test
    void nanInfinityHexFloatsSuffixesAndOverflowsAreRejectedPerCell() {
        ParsedUpload upload = read("""
                date,open,high,low,close,volume
                2020-01-02,10,12,9,11,100
                2020-01-03,NaN,12,9,11,100
                2020-01-04,10,Infinity,9,11,100
                2020-01-05,10,12,-Infinity,11,100
                2020-01-06,10,12,9,0x1p3,100
                2020-01-07,10,12,9,1e400,100
                2020-01-08,10,12,9,11d,100
                2020-01-09,10,12,9,11,
                2020-01-10,10,12,9,1.1e1,100
                """);

        assertThat(upload.bars()).hasSize(2);
        assertThat(upload.bars().getLast().close()).isEqualTo(11.0);
        assertThat(rejectedLine(upload, 3).reason()).isEqualTo("open 'NaN' is not a decimal number");
        assertThat(rejectedLine(upload, 4).reason()).isEqualTo("high 'Infinity' is not a decimal number");
        assertThat(rejectedLine(upload, 5).reason()).isEqualTo("low '-Infinity' is not a decimal number");
        assertThat(rejectedLine(upload, 6).reason()).isEqualTo("close '0x1p3' is not a decimal number");
        assertThat(rejectedLine(upload, 7).reason()).isEqualTo("close '1e400' is beyond the range of a number");
        assertThat(rejectedLine(upload, 8).reason()).isEqualTo("close '11d' is not a decimal number");
        assertThat(rejectedLine(upload, 9).reason()).isEqualTo("no volume value");
    }

    @Test
    void tradesWithNonFinitePricesOrAmountsAreRejected() {
        ParsedUpload upload = CsvBarReader.read(new StringReader("""
                timestamp,price,amount
                1385337600,800,1
                1385337601,NaN,1
                1385337602,800,Infinity
                1385337603,1e999,1
                """), Timeframe.parse("1h"));

        assertThat(upload.bars()).singleElement().satisfies(bar -> assertThat(bar.volume()).isEqualTo(1.0));
        assertThat(upload.rejectedCount()).isEqualTo(3);
    }

    @Test
    void datesBefore1900OrAfter2200AreRejected() {
        ParsedUpload upload = read("""
                date,open,high,low,close,volume
                2020-01-02,10,12,9,11,100
                1899-12-31,10,12,9,11,100
                2201-01-01,10,12,9,11,100
                """);

        assertThat(upload.bars()).hasSize(1);
        assertThat(rejectedLine(upload, 3).reason()).isEqualTo("date '1899-12-31' is outside the years 1900 to 2200");
        assertThat(rejectedLine(upload, 4).reason()).isEqualTo("date '2201-01-01' is outside the years 1900 to 2200");
    }

    @Test
    void aLineBeyondTheMaximumIsRejectedWithAShortExcerptAndTheRestIsRead() {
        String longLine = "2020-01-03,10,12,9,11," + "9".repeat(5000);

        ParsedUpload upload = CsvBarReader.read(new StringReader("date,open,high,low,close,volume\n"
                + "2020-01-02,10,12,9,11,100\n" + longLine + "\n2020-01-06,10,12,9,11,100\n"), DAILY, 100, 200);

        assertThat(upload.bars()).hasSize(2);
        RejectedRow rejected = rejectedLine(upload, 3);
        assertThat(rejected.reason()).isEqualTo("the line is longer than 200 characters");
        assertThat(rejected.content()).hasSizeLessThanOrEqualTo(80).startsWith("2020-01-03,10,12,9,11,999");
    }

    @Test
    void aFileThatIsOneGiantLineIsReadWithoutHoldingIt() {
        // 50 million characters, never in memory at once: the reader produces them as they are read
        Reader endless = new Reader() {
            private long left = 50_000_000;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> CsvBarReader.read(endless, DAILY, 100, 1000))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageStartingWith("the header (line 1) is longer than 1000 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(160));
    }

    @Test
    void theRowPastTheMaximumEndsTheUpload() {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (int day = 1; day <= 11; day++) {
            csv.append("2020-01-%02d,10,12,9,11,100\n".formatted(day));
        }

        assertThat(CsvBarReader.read(new StringReader(csv.toString().replace("2020-01-11,10,12,9,11,100\n", "")),
                DAILY, 10, 1000).bars()).hasSize(10);
        assertThatThrownBy(() -> CsvBarReader.read(new StringReader(csv.toString()), DAILY, 10, 1000))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("more than 10 rows");
    }

    @Test
    void messagesQuoteAtMostAShortExcerpt() {
        String junk = "z".repeat(900);

        assertThatThrownBy(() -> read(junk + "\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("'" + "z".repeat(79) + "…'")
                        .doesNotContain("z".repeat(81)));
        assertThatThrownBy(() -> read("date,open,high,low,close\n" + junk + ",1,2,3,4\n"))
                .isInstanceOf(InvalidMarketDataException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("z".repeat(81)))
                .satisfies(e -> assertThat(((InvalidMarketDataException) e).rejected()).singleElement()
                        .satisfies(r -> assertThat(r.content()).hasSizeLessThanOrEqualTo(80)));
        assertThatThrownBy(() -> Timeframe.parse(junk)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void linesEndAtLineFeedsCarriageReturnsOrBoth() throws Exception {
        BoundedLines lines = new BoundedLines(new StringReader("a\r\nb\rc\n\nd"), 10);
        List<String> read = new ArrayList<>();
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.text());
        }

        assertThat(read).containsExactly("a", "b", "c", "", "d");
    }
}
