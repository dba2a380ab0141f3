package io.tradingedu.api.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradingedu.api.upstream.StubService;
import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.AccessAutoConfiguration;
import io.tradingedu.support.time.ClockAutoConfiguration;
import io.tradingedu.support.web.WebEdgeAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The Playground's endpoints through the real security chain against a stub backtesting-service (a real HTTP
 * server): a text is checked at its lines, an invalid one never reaches backtesting-service, a backtest and a sweep
 * are sent as backtesting-service takes them, a sweep's cost is bounded first, its answer becomes a heatmap grid,
 * and backtesting-service's refusals reach the caller as its problems.
 */
@WebMvcTest(controllers = PlaygroundController.class)
@Import({Playground.class, StrategyChecker.class, PlaygroundBacktesting.class})
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, AccessAutoConfiguration.class, ClockAutoConfiguration.class,
        WebEdgeAutoConfiguration.class, RestClientAutoConfiguration.class})
@EnableConfigurationProperties(PlaygroundProperties.class)
class PlaygroundWebTest {

    private static final String TOKEN = "it-service-token-not-a-secret-0123456789";
    private static final String KEY = "Bearer " + TOKEN;
    private static final String RSI = "entry: RSI(14) < 30\\nexit: RSI(14) > 70";
    private static final UUID BACKTEST = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID SWEEP = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private static final StubService UPSTREAM = StubService.start();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("dashboard.playground.backtesting-url", UPSTREAM::url);
        registry.add("dashboard.playground.max-variants", () -> "12");
    }

    @BeforeEach
    void clear() {
        UPSTREAM.calls().clear();
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop();
    }

    @Test
    void needsAKey() throws Exception {
        mvc.perform(post("/playground/check").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aCheckAnswersTheProblemsAtTheirLines() throws Exception {
        mvc.perform(post("/playground/check").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"entry: RSI(14) < 30\\nexit: RSI(14) >\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].column").isNumber());
        mvc.perform(post("/playground/check").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.sweepable[?(@.path == 'entry.right.constant')].value").value(30.0));
    }

    @Test
    void anInvalidTextIsRefusedWithItsLinesAndNeverSent() throws Exception {
        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"entry: RSI(14) < 30\\nexit: RSI(14) > 70\\nstop_loss: two\","
                                + "\"symbol\":\"SPX\",\"timeframe\":\"1d\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/invalid-strategy-text"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("line 3, column ")))
                .andExpect(jsonPath("$.problems[0].line").value(3));
        assertThat(UPSTREAM.calls()).isEmpty();
    }

    @Test
    void aBacktestIsSentAsTheStrategysJsonWithItsDatasetAndPlan() throws Exception {
        UPSTREAM.answer("POST /backtest", 201, job(BACKTEST, "BACKTEST", "COMPLETED", """
                {"symbol":"SPX","timeframe":"1d"}""", ",\"metrics\":{\"periods\":[{\"label\":\"in_sample\"}]}"));

        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"start\":\"2010-01-01\",\"in_sample_fraction\":0.6}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(BACKTEST.toString()))
                .andExpect(jsonPath("$.kind").value("backtest"))
                .andExpect(jsonPath("$.status").value("completed"))
                .andExpect(jsonPath("$.metrics.periods[0].label").value("in_sample"));

        StubService.Call call = sent();
        assertThat(call.target()).isEqualTo("/backtest");
        assertThat(call.authorization()).isEqualTo(KEY);
        JsonNode sent = Upstream.JSON.readTree(call.body());
        assertThat(sent.path("strategy").path("entry").path("right").path("constant").asDouble()).isEqualTo(30);
        assertThat(sent.path("symbol").asString()).isEqualTo("SPX");
        assertThat(sent.path("start").asString()).isEqualTo("2010-01-01");
        assertThat(sent.has("end")).isFalse();
        assertThat(sent.path("plan").path("mode").asString()).isEqualTo("split");
        assertThat(sent.path("plan").path("in_sample_fraction").asDouble()).isEqualTo(0.6);
    }

    @Test
    void aSweepBeyondTheHeatmapsCellsIsRefusedBeforeItIsSent() throws Exception {
        mvc.perform(post("/playground/sweeps").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"parameters\":[{\"path\":\"entry.right.constant\",\"from\":10,"
                                + "\"to\":40,\"step\":5},{\"path\":\"exit.right.constant\",\"from\":60,\"to\":80,"
                                + "\"step\":10}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parameters"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("21 variants")));
        mvc.perform(post("/playground/sweeps").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"parameters\":[{\"path\":\"risk.nothing\",\"from\":1,"
                                + "\"to\":2,\"step\":1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("entry.right.constant")));
        assertThat(UPSTREAM.calls()).isEmpty();
    }

    @Test
    void aSweepBecomesAHeatmapGridWithItsInvalidCellsLeftOut() throws Exception {
        UPSTREAM.answer("POST /optimize", 202, job(SWEEP, "OPTIMIZE", "QUEUED", "{}", ""));
        UPSTREAM.answer("GET /backtest/" + SWEEP, 200, job(SWEEP, "OPTIMIZE", "COMPLETED", """
                {"symbol":"SPX","timeframe":"1d","parameters":[
                  {"path":"entry.right.constant","from":20,"to":30,"step":5},
                  {"path":"exit.right.constant","from":70,"to":80,"step":10}]}""", """
                ,"sweep":{"metric":"sharpe","variants":6,"invalid_variants":1,"ranked":[
                  {"parameters":{"entry.right.constant":25,"exit.right.constant":80},"metrics":{"sharpe":1.5,"trades":9}},
                  {"parameters":{"entry.right.constant":20,"exit.right.constant":70},"metrics":{"sharpe":0.5,"trades":4}},
                  {"parameters":{"entry.right.constant":30,"exit.right.constant":70},"metrics":{"sharpe":null,"trades":0}}],
                 "robustness":{"best":1.5,"neighbour_mean":0.5,"neighbour_worst":0.5,"retained":0.33}}"""));

        mvc.perform(post("/playground/sweeps").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"parameters\":[{\"path\":\"entry.right.constant\",\"from\":20,"
                                + "\"to\":30,\"step\":5},{\"path\":\"exit.right.constant\",\"from\":70,\"to\":80,"
                                + "\"step\":10}]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("sweep"))
                .andExpect(jsonPath("$.status").value("queued"));
        JsonNode sent = Upstream.JSON.readTree(sent().body());
        assertThat(sent.path("top").asInt()).isEqualTo(6);
        assertThat(sent.path("metric").asString()).isEqualTo("sharpe");
        assertThat(sent.path("parameters").get(1).path("path").asString()).isEqualTo("exit.right.constant");

        mvc.perform(get("/playground/sweeps/{id}", SWEEP).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sweep.axes[0].values.length()").value(3))
                .andExpect(jsonPath("$.sweep.axes[1].values[1]").value(80.0))
                .andExpect(jsonPath("$.sweep.cells.length()").value(3))
                .andExpect(jsonPath("$.sweep.best.x").value(1))
                .andExpect(jsonPath("$.sweep.best.y").value(1))
                .andExpect(jsonPath("$.sweep.best.value").value(1.5))
                .andExpect(jsonPath("$.sweep.cells[2].value").doesNotExist())
                .andExpect(jsonPath("$.sweep.invalid_variants").value(1))
                .andExpect(jsonPath("$.sweep.robustness.retained").value(0.33));
        mvc.perform(get("/playground/backtests/{id}", SWEEP).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/backtest-not-found"));
    }

    @Test
    void backtestingServicesRefusalReachesTheCallerAsItsProblem() throws Exception {
        UPSTREAM.answer("POST /backtest", 400, """
                {"type":"https://tradingedu.io/problems/bad-parameter","title":"Bad parameter","status":400,
                 "detail":"start: no bars of SPX 1d in 1990-01-01..1990-02-01","field":"start"}""");

        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"start\":\"1990-01-01\",\"end\":\"1990-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("start"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no bars of SPX")));
    }

    /** Every call carries api-service's own credential: its refusal is a failure here, never the caller's 401/403. */
    @Test
    void backtestingServiceRefusingApiServicesCredentialIsA502NotTheCallers401() throws Exception {
        for (int refusal : new int[] {401, 403}) {
            UPSTREAM.answer("GET /market-data", refusal, """
                    {"title":"Unauthorized","status":%d,"detail":"the bearer token is not valid"}""".formatted(refusal));

            mvc.perform(get("/playground/datasets").header(HttpHeaders.AUTHORIZATION, KEY))
                    .andExpect(status().isBadGateway())
                    .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/backtesting-failed"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("credential")));
        }
    }

    @Test
    void aFullQueueIsA429WithBacktestingServicesRetryAfter() throws Exception {
        UPSTREAM.answer("POST /backtest", 429, """
                {"type":"https://tradingedu.io/problems/too-many-jobs","title":"Too many jobs","status":429,
                 "detail":"100 jobs are queued or running; try again later"}""", "7");

        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "7"))
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/too-many-jobs"));
    }

    private static String job(UUID id, String kind, String status, String request, String rest) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"status\":\"" + status + "\",\"request\":" + request
                + rest + "}";
    }

    /** The one request that was sent on to backtesting-service. */
    private static StubService.Call sent() {
        assertThat(UPSTREAM.calls()).filteredOn(call -> !call.method().equals("GET")).hasSize(1);
        return UPSTREAM.calls().stream().filter(call -> !call.method().equals("GET")).findFirst().orElseThrow();
    }
}
