package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.support.web.BadFieldException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Uploads add up: a dataset that would outgrow its limit refuses the upload and keeps what it held. */
@SpringBootTest(properties = {"logging.structured.format.console=", "market-data.limits.max-dataset-bars=10"})
class DatasetLimitIT {

    @Autowired
    MarketDataService marketData;

    @Test
    void anUploadThatWouldOutgrowTheDatasetIsRefusedAndNothingOfItIsKept() {
        String symbol = "LIMIT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        marketData.importCsv(symbol, "1d", csv(1, 6));

        assertThatThrownBy(() -> marketData.importCsv(symbol, "1d", csv(7, 12)))
                .isInstanceOfSatisfying(BadFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.reason()).contains("hold 12 bars", "at most 10");
                });
        assertThat(marketData.datasets()).filteredOn(d -> d.symbol().equals(symbol))
                .singleElement().satisfies(d -> assertThat(d.bars()).isEqualTo(6));
        // re-uploading bars it already holds replaces them and does not count twice
        marketData.importCsv(symbol, "1d", csv(1, 6));
    }

    private static ByteArrayInputStream csv(int firstDay, int lastDay) {
        StringBuilder text = new StringBuilder("date,open,high,low,close,volume\n");
        for (int day = firstDay; day <= lastDay; day++) {
            text.append(String.format("2020-01-%02d,10,11,9,10.5,100%n", day));
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
