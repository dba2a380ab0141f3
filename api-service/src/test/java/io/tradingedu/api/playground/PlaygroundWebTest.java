package io.tradingedu.api.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.AccessAutoConfiguration;
import io.tradingedu.support.time.ClockAutoConfiguration;
import io.tradingedu.support.web.WebEdgeAutoConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** "METHOD path" -> status and JSON body; anything else is a 404 problem. */
    private static final Map<String, Map.Entry<Integer, String>> ANSWERS = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpServer UPSTREAM = stub();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("dashboard.playground.backtesting-url",
                () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort());
        registry.add("dashboard.playground.max-variants", () -> "12");
    }

    @BeforeEach
    void clear() {
        REQUESTS.clear();
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop(0);
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
        assertThat(REQUESTS).isEmpty();
    }

    @Test
    void aBacktestIsSentAsTheStrategysJsonWithItsDatasetAndPlan() throws Exception {
        ANSWERS.put("POST /backtest", Map.entry(201, job(BACKTEST, "BACKTEST", "COMPLETED", """
                {"symbol":"SPX","timeframe":"1d"}""", ",\"metrics\":{\"periods\":[{\"label\":\"in_sample\"}]}")));

        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"start\":\"2010-01-01\",\"in_sample_fraction\":0.6}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(BACKTEST.toString()))
                .andExpect(jsonPath("$.kind").value("backtest"))
                .andExpect(jsonPath("$.status").value("completed"))
                .andExpect(jsonPath("$.metrics.periods[0].label").value("in_sample"));

        JsonNode sent = Upstream.JSON.readTree(REQUESTS.getFirst().substring(REQUESTS.getFirst().indexOf('{')));
        assertThat(REQUESTS.getFirst()).startsWith("POST /backtest " + KEY);
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
        assertThat(REQUESTS).isEmpty();
    }

    @Test
    void aSweepBecomesAHeatmapGridWithItsInvalidCellsLeftOut() throws Exception {
        ANSWERS.put("POST /optimize", Map.entry(202, job(SWEEP, "OPTIMIZE", "QUEUED", "{}", "")));
        ANSWERS.put("GET /backtest/" + SWEEP, Map.entry(200, job(SWEEP, "OPTIMIZE", "COMPLETED", """
                {"symbol":"SPX","timeframe":"1d","parameters":[
                  {"path":"entry.right.constant","from":20,"to":30,"step":5},
                  {"path":"exit.right.constant","from":70,"to":80,"step":10}]}""", """
                ,"sweep":{"metric":"sharpe","variants":6,"invalid_variants":1,"ranked":[
                  {"parameters":{"entry.right.constant":25,"exit.right.constant":80},"metrics":{"sharpe":1.5,"trades":9}},
                  {"parameters":{"entry.right.constant":20,"exit.right.constant":70},"metrics":{"sharpe":0.5,"trades":4}},
                  {"parameters":{"entry.right.constant":30,"exit.right.constant":70},"metrics":{"sharpe":null,"trades":0}}],
                 "robustness":{"best":1.5,"neighbour_mean":0.5,"neighbour_worst":0.5,"retained":0.33}}""")));

        mvc.perform(post("/playground/sweeps").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"parameters\":[{\"path\":\"entry.right.constant\",\"from\":20,"
                                + "\"to\":30,\"step\":5},{\"path\":\"exit.right.constant\",\"from\":70,\"to\":80,"
                                + "\"step\":10}]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("sweep"))
                .andExpect(jsonPath("$.status").value("queued"));
        JsonNode sent = Upstream.JSON.readTree(REQUESTS.getFirst().substring(REQUESTS.getFirst().indexOf('{')));
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
        ANSWERS.put("POST /backtest", Map.entry(400, """
                {"type":"https://tradingedu.io/problems/bad-parameter","title":"Bad parameter","status":400,
                 "detail":"start: no bars of SPX 1d in 1990-01-01..1990-02-01","field":"start"}"""));

        mvc.perform(post("/playground/backtests").header(HttpHeaders.AUTHORIZATION, KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + RSI + "\",\"symbol\":\"SPX\","
                                + "\"timeframe\":\"1d\",\"start\":\"1990-01-01\",\"end\":\"1990-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("start"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no bars of SPX")));
    }

    private static String job(UUID id, String kind, String status, String request, String rest) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"status\":\"" + status + "\",\"request\":" + request
                + rest + "}";
    }

    private static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!key.startsWith("GET")) {
                    REQUESTS.add(key + " Bearer " + exchange.getRequestHeaders().getFirst("Authorization")
                            .replaceFirst("^Bearer ", "") + " " + body);
                }
                Map.Entry<Integer, String> answer = ANSWERS.getOrDefault(key, Map.entry(404, """
                        {"type":"https://tradingedu.io/problems/backtest-not-found","title":"Backtest not found",
                         "status":404,"detail":"no such job"}"""));
                byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        answer.getKey() >= 400 ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(answer.getKey(), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
