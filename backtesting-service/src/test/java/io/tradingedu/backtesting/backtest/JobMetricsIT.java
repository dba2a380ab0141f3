package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradingedu.support.metrics.MetricNames;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Job metrics as the running service records and exposes them (Hibernate calls JobMetrics for each stored job). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtest.sync-limit-bars=20000", "logging.structured.format.console=",
                "backtest.limits.max-variants=20000", "backtest.limits.max-sweep-bars=60000000",
                "market-data.limits.max-rows=6000"})
class JobMetricsIT {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;

    @Test
    void aBacktestRunAtOnceIsTimedAndTheQueueIsExposed() {
        uploadObsData();
        long before = completedBacktests();

        Map<String, Object> backtest = http().post().uri("/backtest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("strategy_text", "entry: close > SMA(3)\nexit: close < SMA(3)", "symbol", "OBS.IT"))
                .retrieve().body(Map.class);

        assertThat(backtest).containsEntry("status", "COMPLETED");
        // the pipeline's worker may complete backtests meanwhile too: never fewer than this one
        assertThat(completedBacktests()).isGreaterThanOrEqualTo(before + 1);
        String scrape = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(scrape).containsPattern("tradingedu_backtest_job_duration_seconds_count\\{[^}]*kind=\"backtest\","
                + "outcome=\"completed\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern("tradingedu_backtest_jobs\\{[^}]*status=\"queued\"[^}]*} [0-9]");
        assertThat(scrape).containsPattern("tradingedu_backtest_jobs\\{[^}]*status=\"running\"[^}]*} [0-9]");
    }

    @Test
    void aQueuedSweepIsTimedWhenItsLeaseHolderFinishesIt() {
        uploadObsData();
        long before = completed("optimize");

        // 1,000 variants x 28 bars is above the sync limit (20,000 bars): queued, then claimed and run
        Map<String, Object> accepted = http().post().uri("/optimize").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("strategy_text", "entry: close > 1000\nexit: close < 900", "symbol", "OBS.IT",
                        "parameters", java.util.List.of(Map.of("path", "entry.right.constant", "from", 1, "to", 1000,
                                "step", 1))))
                .retrieve().body(Map.class);
        assertThat(accepted).containsEntry("status", "QUEUED");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                http().get().uri("/optimize/{id}", accepted.get("id")).retrieve().body(Map.class).get("status")));
        assertThat(completed("optimize")).isGreaterThanOrEqualTo(before + 1);
    }

    /** 28 daily bars of a symbol of this test's own. */
    private void uploadObsData() {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (int day = 1; day <= 28; day++) {
            double close = 100 + (day % 5) * 2;
            csv.append("2021-02-%02d,%s,%s,%s,%s,1000\n".formatted(day, close - 1, close + 1, close - 2, close));
        }
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.toString().getBytes()) {
            @Override
            public String getFilename() {
                return "obs.csv";
            }
        });
        http().post().uri("/market-data?symbol=OBS.IT&timeframe=1d").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toBodilessEntity();
    }

    private long completedBacktests() {
        return completed("backtest");
    }

    private long completed(String kind) {
        Timer timer = registry.find(MetricNames.BACKTEST_JOB_DURATION).tags("kind", kind, "outcome", "completed")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** Every HTTP call of this test goes through here (the place to add credentials when the service wants them). */
    private RestClient http() {
        // the test-only service token of src/test/resources/config/application.yml
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer it-service-token-not-a-secret-0123456789").build();
    }
}
