package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradingedu.api.upstream.StubService;
import io.tradingedu.support.security.AccessAutoConfiguration;
import io.tradingedu.support.time.ClockAutoConfiguration;
import io.tradingedu.support.web.WebEdgeAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /dashboard/backtests/{id}/chart} through the real security chains against a stub backtesting-service
 * (a real HTTP server): it needs a key, sends the service token upstream, answers equity beside buy-and-hold, the
 * bars and the trades, thins and merges long series to the bound, and answers upstream failures as problems.
 */
@WebMvcTest(controllers = BacktestChartController.class)
@Import({DashboardSecurity.class, BacktestCharts.class, BacktestingReader.class})
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, AccessAutoConfiguration.class, ClockAutoConfiguration.class,
        WebEdgeAutoConfiguration.class, RestClientAutoConfiguration.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(BacktestChartProperties.class)
class BacktestChartWebTest {

    private static final String TOKEN = "it-service-token-not-a-secret-0123456789";
    private static final String KEY = "Bearer " + TOKEN;
    private static final UUID DONE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID LONG = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID QUEUED = UUID.fromString("00000000-0000-0000-0000-0000000000d3");

    /** Answers GETs of path (with query) with JSON; anything else is backtesting-service's 404 problem. */
    private static final StubService UPSTREAM = StubService.start();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("dashboard.chart.backtesting-url", UPSTREAM::url);
        registry.add("dashboard.chart.max-points", () -> "10");
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop();
    }

    @Test
    void needsAKey() throws Exception {
        mvc.perform(get("/dashboard/backtests/{id}/chart", DONE)).andExpect(status().isUnauthorized());
    }

    @Test
    void answersEquityBesideBuyAndHoldTheBarsAndTheTradesWithTheServiceToken() throws Exception {
        job(DONE, "COMPLETED", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z", "2020-01-04T00:00:00Z");
        answer("/market-data/SPX/bars?timeframe=1d&from=2020-01-01T00:00:00Z&to=2020-01-04T00:00:00Z"
                + "&limit=50000", bars(4, 100));
        answer("/backtest/" + DONE + "/equity?max_points=10", "[" + equity("in_sample", 0, 2, 1000) + ","
                + equity("out_of_sample", 2, 2, 1000) + "]");
        answer("/backtest/" + DONE + "/trades?limit=5000", """
                [{"period":"out_of_sample","side":"LONG","entry_time":"2020-01-04T00:00:00Z","entry_price":103,
                  "exit_time":"2020-01-04T00:00:00Z","exit_price":103,"pnl":0,"pnl_percent":0,"exit_reason":"END"},
                 {"period":"in_sample","side":"LONG","entry_time":"2020-01-01T00:00:00Z","entry_price":100,
                  "exit_time":"2020-01-02T00:00:00Z","exit_price":101,"pnl":10,"pnl_percent":0.01,
                  "exit_reason":"SIGNAL"}]""");
        UPSTREAM.calls().clear();

        mvc.perform(get("/dashboard/backtests/{id}/chart", DONE).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.symbol").value("SPX"))
                .andExpect(jsonPath("$.periods.length()").value(2))
                .andExpect(jsonPath("$.periods[1].metrics.trades").value(1))
                .andExpect(jsonPath("$.bars.length()").value(4))
                .andExpect(jsonPath("$.bar_span").value(1))
                .andExpect(jsonPath("$.equity.length()").value(4))
                // buy-and-hold restarts with the capital in each period: 1000 at 100, then 1000 at 102 -> 103
                .andExpect(jsonPath("$.equity[1].buy_and_hold").value(1010.0))
                .andExpect(jsonPath("$.equity[2].buy_and_hold").value(1000.0))
                .andExpect(jsonPath("$.equity[3].buy_and_hold").value(1000.0 * 103 / 102))
                .andExpect(jsonPath("$.trades_total").value(2))
                .andExpect(jsonPath("$.trades[0].entry_time").value("2020-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.trades[0].pnl").value(10.0));
        assertThat(UPSTREAM.calls()).isNotEmpty().extracting(StubService.Call::authorization)
                .allMatch(("Bearer " + TOKEN)::equals);
        // the equity and trades are read bounded: backtesting-service thins them, never api-service after a full read
        assertThat(UPSTREAM.calls()).extracting(StubService.Call::target)
                .contains("/backtest/" + DONE + "/equity?max_points=10", "/backtest/" + DONE + "/trades?limit=5000");
    }

    @Test
    void aLongTestIsThinnedAndItsBarsMergedToTheBound() throws Exception {
        job(LONG, "COMPLETED", "2020-01-01T00:00:00Z", "2020-01-21T00:00:00Z", "2020-02-15T00:00:00Z");
        answer("/market-data/SPX/bars?timeframe=1d&from=2020-01-01T00:00:00Z&to=2020-02-15T00:00:00Z"
                + "&limit=50000", bars(45, 100));
        answer("/backtest/" + LONG + "/equity?max_points=10", "[" + equity("in_sample", 0, 20, 1000) + ","
                + equity("out_of_sample", 20, 25, 1000) + "]");
        answer("/backtest/" + LONG + "/trades?limit=5000", "[]");

        mvc.perform(get("/dashboard/backtests/{id}/chart", LONG).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.equity_points").value(45))
                // every 5th point (9) plus the in-sample period's last and the test's last point
                .andExpect(jsonPath("$.equity.length()").value(11))
                .andExpect(jsonPath("$.equity[10].time").value("2020-02-14T00:00:00Z"))
                .andExpect(jsonPath("$.bar_span").value(5))
                .andExpect(jsonPath("$.bars.length()").value(9))
                .andExpect(jsonPath("$.bars[0].open").value(100.0))
                .andExpect(jsonPath("$.bars[0].high").value(105.0))
                .andExpect(jsonPath("$.bars[0].low").value(99.0))
                .andExpect(jsonPath("$.bars[0].close").value(104.0));
    }

    @Test
    void anUnknownBacktestIsA404AndAnUnfinishedOneA409() throws Exception {
        mvc.perform(get("/dashboard/backtests/{id}/chart", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/backtest-not-found"))
                .andExpect(jsonPath("$.title").value("Backtest not found"));
        job(QUEUED, "QUEUED", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z", "2020-01-04T00:00:00Z");
        mvc.perform(get("/dashboard/backtests/{id}/chart", QUEUED).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is queued")));
    }

    private static void job(UUID id, String status, String from, String cut, String to) {
        answer("/backtest/" + id, """
                {"id":"%s","status":"%s","request":{"symbol":"SPX","timeframe":"1d","initial_capital":1000},
                 "metrics":{"periods":[
                   {"label":"in_sample","from":"%s","to":"%s","metrics":{"trades":1,"sharpe":1.2}},
                   {"label":"out_of_sample","from":"%s","to":"%s","metrics":{"trades":1,"sharpe":0.8}}],
                  "aggregate":null}}""".formatted(id, status, from, cut, cut, to));
    }

    /** Daily bars from 2020-01-01: open = first + i, high open + 1, low open - 1, close = open. */
    private static String bars(int count, int first) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            int open = first + i;
            json.append(i == 0 ? "" : ",").append("""
                    {"time":"%s","open":%d,"high":%d,"low":%d,"close":%d,"volume":1}""".formatted(day(i), open,
                    open + 1, open - 1, open));
        }
        return json.append("]").toString();
    }

    private static String equity(String period, int firstDay, int count, double capital) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"period":"%s","time":"%s","equity":%s,"drawdown":0}""".formatted(period, day(firstDay + i),
                    capital + i));
        }
        return json.toString();
    }

    private static String day(int i) {
        return java.time.LocalDate.of(2020, 1, 1).plusDays(i) + "T00:00:00Z";
    }

    private static void answer(String pathAndQuery, String json) {
        UPSTREAM.answer("GET " + pathAndQuery, 200, json);
    }
}
