package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.backtesting.marketdata.RealMarketData;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The backtesting API over real HTTP against the local PostgreSQL, with the real S&P 500 series. The context keeps
 * its rows in a schema of its own (migrated at start, dropped once the context is closed): the rows these tests
 * queue or leave running are claimable, and no other process sharing the database (another test run, the local
 * stack) may claim them, nor this context theirs. Its Kafka listeners do not start, so it takes no messages from the
 * consumer groups of running services either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtest.sync-limit-bars=20000", "logging.structured.format.console=",
                "backtest.limits.max-variants=20000", "backtest.limits.max-sweep-bars=60000000",
                "market-data.limits.max-rows=6000", "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
@TestExecutionListeners(listeners = BacktestApiIT.DropSchema.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class BacktestApiIT {

    private static final String SCHEMA = "backtest_api_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE = System.getenv().getOrDefault("DATABASE_URL",
            "jdbc:postgresql://localhost:5432/tradingedu");

    @DynamicPropertySource
    static void privateSchema(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> DATABASE + "?currentSchema=" + SCHEMA
                + ",public&reWriteBatchedInserts=true");
        properties.add("spring.flyway.schemas", () -> SCHEMA);
        properties.add("spring.flyway.default-schema", () -> SCHEMA);
    }

    /**
     * Drops the private schema after the context is closed ({@link DirtiesContext}): after-class callbacks run in
     * reverse order, so this one, ordered just before the listener that closes the context, runs just after it.
     */
    static final class DropSchema implements TestExecutionListener, Ordered {

        @Override
        public int getOrder() {
            return new DirtiesContextTestExecutionListener().getOrder() - 1;
        }

        @Override
        public void afterTestClass(TestContext testContext) throws Exception {
            try (Connection connection = DriverManager.getConnection(DATABASE,
                    System.getenv().getOrDefault("DATABASE_USER", "tradingedu"),
                    System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu"));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static final String GOLDEN_CROSS = """
            name: Golden cross
            entry: SMA(50) crosses above SMA(200)
            exit: SMA(50) crosses below SMA(200)
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobExecutor executor;
    @Autowired
    TaskScheduler scheduler;
    /** The credential the tests call with (src/test/resources/config/application.yml). */
    @Value("${security.service-token}")
    String serviceToken;

    RestClient http;

    @BeforeEach
    void client() throws Exception {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        ResponseEntity<Map> upload = upload("SPX", "1d", "sp500.csv",
                Files.readAllBytes(RealMarketData.file("sp500-2000.csv")));
        assertThat(upload.getStatusCode().value()).isEqualTo(200);
    }

    /** A dataset's bars are answered a bounded page at a time, in time order, paged on by `from`. */
    @Test
    void barsAreAnsweredABoundedPageAtATime() {
        List<Map> page = http.get().uri("/market-data/SPX/bars?limit=3").retrieve().body(List.class);
        List<Map> next = http.get().uri("/market-data/SPX/bars?limit=2&from={from}", page.getLast().get("time"))
                .retrieve().body(List.class);
        Map<String, Object> tooMany = http.get().uri("/market-data/SPX/bars?limit=100001").retrieve().body(Map.class);

        assertThat(page).hasSize(3);
        assertThat(next).hasSize(2);
        assertThat(next.getFirst().get("time")).isEqualTo(page.getLast().get("time"));
        assertThat(tooMany).containsEntry("status", 400).containsEntry("field", "limit");
    }

    /** Since Java 25 the sweep's ForkJoinPool is a ScheduledExecutorService too; the relay must not run on it. */
    @Test
    void scheduledWorkDoesNotRunOnTheSweepPool() {
        assertThat(scheduler).isInstanceOf(ThreadPoolTaskScheduler.class);
    }

    @Test
    void uploadStoresValidBarsAndReportsRejectedRowsWithTheirLines() {
        ResponseEntity<Map> answer = upload("TEST.UP", "1d", "bars.csv", """
                Date;Open;High;Low;Close;Volume
                03-Jan-20;10,0;11,0;9,5;10,5;1000
                02-Jan-20;10,0;9,0;9,5;10,5;1000
                06-Jan-20;10,5;11,5;10,0;11,0;1000
                """.getBytes());

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("bars_stored", 2).containsEntry("rejected_count", 1);
        assertThat((List<Map<String, Object>>) answer.getBody().get("rejected")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("line", 3));
        List<Map<String, Object>> bars = http.get().uri("/market-data/TEST.UP/bars?from=2020-01-01&to=2020-01-31")
                .retrieve().body(List.class);
        assertThat(bars).extracting(b -> b.get("time")).containsExactly("2020-01-03T00:00:00Z", "2020-01-06T00:00:00Z");
        assertThat((List<Map<String, Object>>) http.get().uri("/market-data").retrieve().body(List.class))
                .anySatisfy(d -> assertThat(d).containsEntry("symbol", "SPX").containsEntry("bars", 5105));
    }

    @Test
    void uploadWithoutAnyValidRowIs400NamingTheRows() {
        ResponseEntity<Map> answer = upload("TEST.BAD", "1d", "bad.csv", """
                date,open,high,low,close,volume
                2020-01-02,10,9,8,11,100
                2020-01-03,-5,12,9,11,100
                """.getBytes());

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/invalid-market-data");
        assertThat((List<Map<String, Object>>) answer.getBody().get("rejected"))
                .extracting(r -> r.get("line")).containsExactly(2, 3);
    }

    @Test
    void goldenCrossOnTheSp500WithTradesEquityAndMetrics() {
        ResponseEntity<Map> strategy = http.post().uri("/strategies").contentType(MediaType.TEXT_PLAIN)
                .body(GOLDEN_CROSS).retrieve().toEntity(Map.class);
        assertThat(strategy.getStatusCode().value()).isEqualTo(201);
        Object strategyId = strategy.getBody().get("id");

        ResponseEntity<Map> backtest = post("/backtest", Map.of("strategy_id", strategyId, "symbol", "SPX",
                "costs", Map.of("commission_bps", 5, "slippage_bps", 2)));

        assertThat(backtest.getStatusCode().value()).isEqualTo(201);
        assertThat(backtest.getHeaders().getLocation().getPath()).isEqualTo("/backtest/" + backtest.getBody().get("id"));
        Map<String, Object> metrics = firstPeriodMetrics(backtest.getBody());
        assertThat((Integer) metrics.get("trades")).isBetween(5, 20);
        assertThat(metrics).containsKeys("sharpe", "sortino", "calmar", "max_drawdown", "profit_factor", "sqn",
                "buy_and_hold_return", "exposure");
        String id = (String) backtest.getBody().get("id");
        List<Map<String, Object>> trades = http.get().uri("/backtest/{id}/trades", id).retrieve().body(List.class);
        assertThat(trades).hasSize((Integer) metrics.get("trades"))
                .allSatisfy(t -> assertThat(t).containsKeys("entry_time", "exit_price", "pnl", "pnl_percent",
                        "bars_held", "exit_reason", "side"));
        List<Map<String, Object>> equity = http.get().uri("/backtest/{id}/equity", id).retrieve().body(List.class);
        assertThat(equity).hasSize(5105);
        assertThat(equity.getFirst()).containsEntry("equity", 10000.0).containsEntry("drawdown", 0.0);

        // a chart's bounded reads: every k-th point with both ends, the first trades, and how many there are
        ResponseEntity<List> thinned = http.get().uri("/backtest/{id}/equity?max_points=100", id).retrieve()
                .toEntity(List.class);
        assertThat(thinned.getHeaders().getFirst("X-Total-Count")).isEqualTo("5105");
        List<Map<String, Object>> few = thinned.getBody();
        assertThat(few).hasSizeBetween(90, 100);
        assertThat(few.getFirst()).isEqualTo(equity.getFirst());
        assertThat(few.getLast()).isEqualTo(equity.getLast());
        ResponseEntity<List> firstTrades = http.get().uri("/backtest/{id}/trades?limit=2", id).retrieve()
                .toEntity(List.class);
        assertThat(firstTrades.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(trades.size()));
        assertThat(firstTrades.getBody()).isEqualTo(trades.subList(0, 2));
        assertThat(http.get().uri("/backtest/{id}/equity?max_points=1", id).retrieve().toEntity(Map.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void inlineStrategyWithSplitAndWalkForwardPlans() {
        Map<String, Object> strategy = Map.of(
                "entry", Map.of("type", "below", "left", Map.of("indicator", "RSI", "params", Map.of("period", 14)),
                        "right", Map.of("constant", 30)),
                "exit", Map.of("type", "above", "left", Map.of("indicator", "RSI"), "right", Map.of("constant", 55)),
                "risk", Map.of("stop_loss", Map.of("atr_multiple", 3)));

        ResponseEntity<Map> split = post("/backtest", Map.of("strategy", strategy, "symbol", "SPX",
                "start", "2005-01-01", "end", "2015-12-31", "plan", Map.of("mode", "split", "in_sample_fraction", 0.7)));
        ResponseEntity<Map> walk = post("/backtest", Map.of("strategy", strategy, "symbol", "SPX",
                "plan", Map.of("mode", "walk_forward", "window_bars", 1000, "step_bars", 500)));

        assertThat(split.getStatusCode().value()).isEqualTo(201);
        assertThat(periods(split.getBody())).extracting(p -> p.get("label")).containsExactly("in_sample", "out_of_sample");
        assertThat(periods(split.getBody()).getFirst().get("from")).isEqualTo("2005-01-03T00:00:00Z");
        assertThat(walk.getStatusCode().value()).isEqualTo(201);
        assertThat(periods(walk.getBody())).hasSize(9);
        assertThat((Map<String, Object>) ((Map<String, Object>) walk.getBody().get("metrics")).get("aggregate"))
                .containsEntry("windows", 9);
    }

    @Test
    void invalidStrategiesAre400WithTheOffendingFieldOrPosition() {
        ResponseEntity<Map> unknown = post("/strategies", Map.of(
                "entry", Map.of("type", "above", "left", Map.of("indicator", "SMAA"), "right", Map.of("constant", 1)),
                "risk", Map.of("max_bars", 5)));
        ResponseEntity<Map> syntax = http.post().uri("/strategies").contentType(MediaType.TEXT_PLAIN)
                .body("entry: RSI(14) <").retrieve().toEntity(Map.class);
        ResponseEntity<Map> never = post("/backtest", Map.of("strategy_text", "entry: RSI(14) > 150\nmax_bars: 3",
                "symbol", "SPX"));

        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) unknown.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("path", "entry.left.indicator"));
        assertThat(syntax.getStatusCode().value()).isEqualTo(400);
        assertThat(syntax.getBody()).containsEntry("line", 1).containsEntry("column", 17);
        assertThat(never.getStatusCode().value()).isEqualTo(400);
        assertThat(never.getBody().get("detail").toString()).contains("can never be true");
    }

    @Test
    void unknownDatasetStrategyAndBacktestAre404() {
        assertThat(post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "NOPE")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.get().uri("/strategies/{id}", UUID.randomUUID()).retrieve().toEntity(Map.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.get().uri("/backtest/{id}/trades", UUID.randomUUID()).retrieve().toEntity(Map.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void largeSweepIsQueuedAndRankedWithARobustnessView() {
        ResponseEntity<Map> accepted = post("/optimize", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "parameters", List.of(
                        Map.of("path", "entry.left.params.period", "from", 20, "to", 60, "step", 20),
                        Map.of("path", "entry.right.params.period", "from", 100, "to", 200, "step", 50)),
                "metric", "sharpe", "top", 3));

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String location = accepted.getHeaders().getLocation().toString();
        Map<String, Object> done = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.get().uri(location).retrieve().body(Map.class), b -> "COMPLETED".equals(b.get("status")));
        Map<String, Object> sweep = (Map<String, Object>) done.get("sweep");
        assertThat(sweep).containsEntry("variants", 9).containsEntry("invalid_variants", 0);
        assertThat((List<?>) sweep.get("ranked")).hasSize(3);
        assertThat((Map<String, Object>) sweep.get("robustness")).containsKeys("neighbours", "neighbour_mean");
    }

    @Test
    void aJobLeftRunningWithoutALeaseIsClaimedAndRun() {
        ResponseEntity<Map> completed = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX"));
        UUID orphan = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO backtest (id, kind, status, request, created_at, started_at)
                SELECT ?, kind, 'RUNNING', request, now(), now() FROM backtest WHERE id = ?
                """, orphan, UUID.fromString((String) completed.getBody().get("id")));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT status FROM backtest WHERE id = ?", String.class, orphan), "COMPLETED"::equals);
        assertThat(firstPeriodMetrics(http.get().uri("/backtest/{id}", orphan).retrieve().body(Map.class)))
                .isEqualTo(firstPeriodMetrics(completed.getBody()));
    }

    @Test
    void locationCarriesThePrefixOfTheReverseProxy() {
        ResponseEntity<Map> created = http.post().uri("/strategies").contentType(MediaType.TEXT_PLAIN)
                .header("X-Forwarded-Prefix", "/backtest").body(GOLDEN_CROSS).retrieve().toEntity(Map.class);

        assertThat(created.getHeaders().getLocation().getPath())
                .isEqualTo("/backtest/strategies/" + created.getBody().get("id"));
    }

    @Test
    void csvCanBeSentAsTheBodyAndTheApiIsDescribed() {
        ResponseEntity<Map> answer = http.post().uri("/market-data?symbol=TEST.BODY&timeframe=1h")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("timestamp,price,amount\n1385337600,800,1\n1385337700,810,2\n1385341200,805,1\n")
                .retrieve().toEntity(Map.class);
        String apiDocs = http.get().uri("/v3/api-docs").retrieve().body(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("bars_stored", 2);
        assertThat(apiDocs).contains("\"/backtest\"", "\"/optimize\"", "\"/market-data\"", "\"/strategies/schema\"");
    }

    @Test
    void strategiesArePagedAndTheSchemaIsServed() {
        post("/strategies", Map.of("name", "paged", "entry", Map.of("type", "above", "left", Map.of("price", "close"),
                "right", Map.of("indicator", "EMA", "params", Map.of("period", 20))), "risk", Map.of("max_bars", 10)));

        Map<String, Object> page = http.get().uri("/strategies?size=1").retrieve().body(Map.class);
        Map<String, Object> schema = http.get().uri("/strategies/schema").retrieve().body(Map.class);

        assertThat((List<Map<String, Object>>) page.get("items")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("text", "name: paged\nentry: close > EMA(20)\nmax_bars: 10\n"));
        assertThat((Integer) page.get("total")).isPositive();
        assertThat(schema).containsEntry("$id", "https://tradingedu.io/schemas/strategy-v1.json");
    }

    @Test
    void aHundredThousandValueConstantGridIs400BeforeAnyWorkAndTheServiceStaysHealthy() {
        ResponseEntity<Map> refused = post("/optimize", Map.of("strategy_text", "entry: close > 1000\nexit: close < 900",
                "symbol", "SPX", "parameters", List.of(Map.of("path", "entry.right.constant", "from", 1, "to", 100_000,
                        "step", 1))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("type", "https://tradingedu.io/problems/bad-parameter")
                .containsEntry("field", "parameters");
        assertThat((String) refused.getBody().get("reason")).contains("100000 variants", "the limit is 20000");
        assertThat(http.get().uri("/actuator/health").retrieve().toEntity(Map.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX")).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void variantsTimesBarsAndWalkForwardWindowsBeyondTheirLimitsAre400NamingTheField() {
        ResponseEntity<Map> sweep = post("/optimize", Map.of("strategy_text", "entry: close > 1000\nexit: close < 900",
                "symbol", "SPX", "parameters", List.of(Map.of("path", "entry.right.constant", "from", 1, "to", 12_000,
                        "step", 1))));
        ResponseEntity<Map> walk = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "plan", Map.of("mode", "walk_forward", "window_bars", 10, "step_bars", 1)));

        assertThat(sweep.getStatusCode().value()).isEqualTo(400);
        assertThat(sweep.getBody()).containsEntry("field", "parameters");
        assertThat((String) sweep.getBody().get("reason"))
                .contains("12000 variants × 5105 bars = 61260000 simulated bars", "the limit is 60000000");
        assertThat(walk.getStatusCode().value()).isEqualTo(400);
        assertThat(walk.getBody()).containsEntry("field", "plan.step_bars");
        assertThat((String) walk.getBody().get("reason")).contains("5096 walk-forward windows", "the limit is 1000");
    }

    @Test
    void nonFiniteOrOutOfRangeRequestFieldsAre400NamingTheField() {
        Map<String, Object> nanCapital = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "initial_capital", "NaN")).getBody();
        Map<String, Object> hugeCapital = http.post().uri("/backtest").contentType(MediaType.APPLICATION_JSON)
                .body("{\"strategy_text\": \"entry: close > SMA(20)\\nexit: close < SMA(20)\", \"symbol\": \"SPX\", "
                        + "\"initial_capital\": 1e400}").retrieve().toEntity(Map.class).getBody();
        Map<String, Object> nanCosts = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "costs", Map.of("commission_bps", "NaN", "slippage_bps", 0))).getBody();
        ResponseEntity<Map> nanFraction = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "plan", Map.of("mode", "split", "in_sample_fraction", "NaN")));
        Map<String, Object> oldStart = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "start", "1850-01-01")).getBody();
        Map<String, Object> farEnd = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX",
                "end", "+99999-01-01T00:00:00Z")).getBody();

        assertThat(nanCapital).containsEntry("status", 400).containsEntry("field", "initial_capital");
        assertThat(hugeCapital).containsEntry("status", 400).containsEntry("field", "initial_capital");
        assertThat(nanCosts).containsEntry("status", 400).containsEntry("field", "costs.commission_bps");
        assertThat(nanFraction.getStatusCode().value()).isEqualTo(400);
        assertThat(nanFraction.getBody()).containsEntry("field", "plan")
                .containsEntry("reason", "in_sample_fraction must be above 0 and below 1");
        assertThat(oldStart).containsEntry("status", 400).containsEntry("field", "start");
        assertThat(farEnd).containsEntry("status", 400).containsEntry("field", "end");
    }

    @Test
    void csvCellsThatAreNotFiniteDecimalsOrSaneDatesAreRejectedAndRowsAreCounted() {
        ResponseEntity<Map> cells = upload("TEST.CELLS", "1d", "cells.csv", ("""
                date,open,high,low,close,volume
                2020-01-02,10,12,9,11,100
                2020-01-03,NaN,12,9,11,100
                2020-01-06,10,12,9,0x1p3,100
                2020-01-07,10,1e400,9,11,100
                1899-01-02,10,12,9,11,100
                2020-01-08,10,12,9,11,""" + "7".repeat(5000) + "\n").getBytes());
        StringBuilder tooMany = new StringBuilder("date,open,high,low,close,volume\n");
        for (int day = 0; day < 6001; day++) {
            tooMany.append(java.time.LocalDate.of(2000, 1, 1).plusDays(day)).append(",10,12,9,11,100\n");
        }
        ResponseEntity<Map> rows = upload("TEST.ROWS", "1d", "rows.csv", tooMany.toString().getBytes());

        assertThat(cells.getStatusCode().value()).isEqualTo(200);
        assertThat(cells.getBody()).containsEntry("bars_stored", 1).containsEntry("rejected_count", 5);
        assertThat((List<Map<String, Object>>) cells.getBody().get("rejected")).extracting(r -> r.get("reason"))
                .containsExactly("open 'NaN' is not a decimal number", "close '0x1p3' is not a decimal number",
                        "high '1e400' is beyond the range of a number", "date '1899-01-02' is outside the years 1900 to 2200",
                        "the line is longer than 1000 characters");
        assertThat((List<Map<String, Object>>) cells.getBody().get("rejected"))
                .allSatisfy(r -> assertThat((String) r.get("content")).hasSizeLessThanOrEqualTo(80));
        assertThat(rows.getStatusCode().value()).isEqualTo(400);
        assertThat((String) rows.getBody().get("detail")).contains("more than 6000 rows");
    }

    @Test
    void aQueuedJobCanBeCancelledOnceAndIsThenNeverRun() {
        ResponseEntity<Map> completed = post("/backtest", Map.of("strategy_text", GOLDEN_CROSS, "symbol", "SPX"));
        UUID queued = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO backtest (id, kind, status, request, created_at)
                SELECT ?, kind, 'QUEUED', request, now() FROM backtest WHERE id = ?
                """, queued, UUID.fromString((String) completed.getBody().get("id")));

        ResponseEntity<Map> cancelled = http.post().uri("/backtest/{id}/cancel", queued).retrieve().toEntity(Map.class);
        ResponseEntity<Map> again = http.post().uri("/backtest/{id}/cancel", queued).retrieve().toEntity(Map.class);
        ResponseEntity<Map> finished = http.post().uri("/backtest/{id}/cancel", completed.getBody().get("id"))
                .retrieve().toEntity(Map.class);
        ResponseEntity<Map> unknown = http.post().uri("/backtest/{id}/cancel", UUID.randomUUID())
                .retrieve().toEntity(Map.class);
        executor.claimWhileFree();

        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody()).containsEntry("status", "FAILED");
        assertThat((String) cancelled.getBody().get("error")).startsWith("cancelled at ");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("type", "https://tradingedu.io/problems/backtest-finished");
        assertThat(finished.getStatusCode().value()).isEqualTo(409);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.queryForMap("SELECT status, result FROM backtest WHERE id = ?", queued))
                .containsEntry("status", "FAILED").containsEntry("result", null);
    }

    @Test
    void aRunningSweepIsCancelledAndItsOutcomeIsNotStored() {
        // 10,000 variants × 5,105 bars: seconds of work, far longer than the cancel request takes
        ResponseEntity<Map> accepted = post("/optimize", Map.of("strategy_text", "entry: close > 1000\nexit: close < 900",
                "symbol", "SPX", "parameters", List.of(Map.of("path", "entry.right.constant", "from", 1, "to", 10_000,
                        "step", 1))));
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        UUID id = UUID.fromString((String) accepted.getBody().get("id"));

        ResponseEntity<Map> cancelled = http.post().uri("/optimize/{id}/cancel", id).retrieve().toEntity(Map.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !executor.isRunning(id));

        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> job = http.get().uri("/optimize/{id}", id).retrieve().body(Map.class);
        assertThat(job).containsEntry("status", "FAILED").containsEntry("sweep", null);
        assertThat((String) job.get("error")).startsWith("cancelled at ");
    }

    private ResponseEntity<Map> upload(String symbol, String timeframe, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return http.post().uri("/market-data?symbol={s}&timeframe={t}", symbol, timeframe)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
    }

    private static List<Map<String, Object>> periods(Object backtest) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<?, ?>) backtest).get("metrics")).get("periods");
    }

    private static Map<String, Object> firstPeriodMetrics(Object backtest) {
        return (Map<String, Object>) periods(backtest).getFirst().get("metrics");
    }
}
