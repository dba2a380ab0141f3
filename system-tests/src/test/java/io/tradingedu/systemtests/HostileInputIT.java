package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stranger or an attacker can send each service's packaged jar (docs/system-tests.md, "Hostile input"): every
 * limit is answered with a 400/413/415 RFC 9457 problem whose detail says what was wrong, writes need a credential of
 * the right scope, a foreign origin is refused, and each service is still ready afterwards with its heap below its
 * limit. The four services of the suite it shares with LessonToStrategyIT ({@link SharedSuite}); each test leaves
 * them as it found them.
 */
@Order(2)
@ExtendWith(SharedSuite.StopAtTheEnd.class)
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long a refused body may keep the service waiting: a refusal needs no body, so it comes at once. */
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(15);
    private static final String EVIL_ORIGIN = "https://evil.example";
    private static final String STRATEGY_TEXT = "entry: RSI(14) < 30\nexit: RSI(14) > 70";
    /** The largest body of a JSON endpoint (REQUEST_LIMITS_DEFAULT). */
    private static final int DEFAULT_BODY_LIMIT = 1024 * 1024;

    /** BACKTEST_LIMITS_MAX_QUEUED_JOBS of the shared backtesting instance. */
    private static final int QUEUE_CAP = SharedSuite.MAX_QUEUED_JOBS;
    /** BACKTEST_LIMITS_MAX_WALK_FORWARD_BARS of the shared backtesting instance (5,000,000 by default). */
    private static final int WALK_FORWARD_BARS = SharedSuite.MAX_WALK_FORWARD_BARS;

    private static SystemSuite suite;
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    /** A read-scope key made through api-service's admin endpoint; every service checks it against the same table. */
    private static String readKey;

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.suite();
        // two jobs queued or running at most, and a walk-forward budget the S&P 500's 5,105 bars can exceed
        FourServices services = SharedSuite.services();
        SERVICES.put("backtesting", services.backtesting());
        SERVICES.put("orchestrator", services.orchestrator());
        SERVICES.put("embeddings", services.embeddings());
        SERVICES.put("api", services.api());
        // the backtests below are refused for one field each: everything else about them is valid (the S&P 500 is
        // loaded again when LessonToStrategyIT loaded it first: the same bars)
        suite.loadSp500(suite.client(service("backtesting")));
        Reply created = send(service("api"), "/admin/api_keys", suite.adminKey(), json(Map.of(
                "name", "hostile-input-reader", "scopes", List.of("read"))));
        assertThat(created.status()).as("POST /admin/api_keys: %s", created.body()).isEqualTo(201);
        readKey = created.json().path("key").asString();
        assertThat(readKey).startsWith("te_");
    }

    // ---- api-service ----------------------------------------------------------------------------------------------

    @Test
    void apiRefusesOversizedBodiesLongQueriesHugePagesAndPathsOutsideTheIngestRoot() throws IOException {
        ServiceProcess api = service("api");
        String admin = suite.adminKey();

        // a JSON body over 1 MB: refused from its Content-Length, and, sent chunked, when the count passes the limit
        String huge = JSON.writeValueAsString(Map.of("video_path", "a".repeat(2 * DEFAULT_BODY_LIMIT)));
        JsonNode declared = problem(send(api, "/ingest", admin, json(huge)), 413);
        assertThat(declared.path("detail").asString()).contains("POST /ingest", "1048576");
        problem(send(api, "/ingest", admin, chunkedJson(huge)), 413);

        // a query past the 1,000 characters embeddings-service takes: its 400 comes back naming the field
        JsonNode longQuery = problem(get(api, "/embeddings/search?query=" + "rsi+".repeat(1000), admin), 400);
        assertThat(longQuery.path("detail").asString()).contains("query");

        // no list hands out a million rows: the limit is refused, naming it
        for (String list : List.of("/media_items", "/keywords", "/clips", "/strategies", "/admin/api_keys")) {
            JsonNode page = problem(get(api, list + "?limit=1000000", admin), 400);
            assertThat(page.path("detail").asString()).as(list).contains("limit");
        }

        // outside the ingest root, missing, or a link leading out: one answer, no existence oracle, no server path
        Path ingestRoot = suite.paths().work().resolve("ingest");
        Path outside = suite.paths().work().resolve("hostile-outside");
        Files.createDirectories(ingestRoot);
        Files.createDirectories(outside);
        Path secret = Files.writeString(outside.resolve("secret.mp4"), "not a video, but it exists");
        Path link = ingestRoot.resolve("hostile-link-" + UUID.randomUUID() + ".mp4");
        Files.createSymbolicLink(link, secret);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of(secret.toString(), "/etc/hostname", "/no/such/dir/video.mp4",
                "missing-" + UUID.randomUUID() + ".mp4", link.getFileName().toString())) {
            Reply reply = send(api, "/ingest", admin, json(Map.of("video_path", path)));
            JsonNode problem = problem(reply, 400, 404);
            assertThat(problem.path("field").asString()).as(path).isEqualTo("video_path");
            // the caller's own path may come back (shortened); nothing else of the server's file system may
            String besidesTheCallersPath = reply.body().replace(path, "<path>");
            for (Path server : List.of(ingestRoot, ingestRoot.toRealPath(), suite.paths().work())) {
                assertThat(besidesTheCallersPath).as("answer to %s names a server path", path)
                        .doesNotContain(server.toString());
            }
            // the same sentence whatever the path: only the caller's own path differs
            answers.put(path, reply.status() + " " + problem.path("detail").asString().replace(path, "<path>"));
        }
        assertThat(answers.values().stream().distinct().toList()).as("answers by path: %s", answers).hasSize(1);
        assertThat(answers.values().iterator().next()).doesNotContain("not a video");
        // and '..' is refused before anything is looked at
        problem(send(api, "/ingest", admin, json(Map.of("video_path", "../hostile-outside/secret.mp4"))), 400);

        assertHealthyWithinHeap(api);
    }

    /**
     * A multipart body on an endpoint that takes none, sent chunked (so no Content-Length announces its size), and
     * never finished: the service must refuse it from the headers. A service that parsed it first (Spring parses any
     * multipart request before it looks up the handler, Tomcat spools the parts to disk) waits for the rest instead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"api /ingest", "backtesting /strategies"})
    void aChunkedMultipartBodyToAnEndpointThatTakesNoneIsRefusedUnread(String target) {
        String[] parts = target.split(" ");
        ServiceProcess service = service(parts[0]);
        Reply reply = unfinishedChunkedMultipart(service, parts[1]);
        problem(reply, 413, 415);
        assertHealthyWithinHeap(service);
    }

    // ---- backtesting-service --------------------------------------------------------------------------------------

    @Test
    void backtestingRefusesStrategiesNestedThousandsOfLevelsDeep() {
        ServiceProcess backtesting = service("backtesting");
        String admin = suite.adminKey();
        int depth = 5_000;

        // text: the parser stops at the token that goes too deep, before recursing
        String parentheses = "entry: " + "(".repeat(depth) + "RSI(14) < 30" + ")".repeat(depth)
                + "\nexit: RSI(14) > 70";
        assertThat(problem(send(backtesting, "/strategies", admin, text(parentheses)), 400)
                .path("detail").asString()).contains("64");
        String series = "entry: " + "SMA(".repeat(depth) + "close" + ", 5)".repeat(depth) + " > 30"
                + "\nexit: RSI(14) > 70";
        assertThat(problem(send(backtesting, "/strategies", admin, text(series)), 400)
                .path("detail").asString()).contains("64");
        String nots = "entry: " + "not ".repeat(depth) + "RSI(14) < 30\nexit: RSI(14) > 70";
        problem(send(backtesting, "/strategies", admin, text(nots)), 400);

        // JSON: 5,000 levels stop at the reader's depth limit, 100 at the language's own (64 rules deep)
        problem(send(backtesting, "/strategies", admin, json(deepStrategyJson(depth))), 400);
        JsonNode hundred = problem(send(backtesting, "/strategies", admin, json(deepStrategyJson(100))), 400);
        assertThat(hundred.path("detail").asString()).contains("levels");
        // the same inside a backtest request, inline and as text
        problem(send(backtesting, "/backtest", admin, json("{\"symbol\":\"SPX\",\"strategy\":"
                + deepStrategyJson(depth) + "}")), 400);
        problem(send(backtesting, "/backtest", admin, json(Map.of("symbol", "SPX", "strategy_text", parentheses))),
                400);

        assertHealthyWithinHeap(backtesting);
    }

    @Test
    void backtestingRefusesNumbersThatAreNotFiniteDatesOutOfRangeAndHugeSweeps() {
        ServiceProcess backtesting = service("backtesting");
        String admin = suite.adminKey();

        // the request these variations start from runs (so each refusal below is about its one field)
        Reply control = send(backtesting, "/backtest", admin, json(backtest(Map.of())));
        assertThat(control.status()).as("the valid backtest: %s", control.body()).isIn(200, 201);

        for (Object capital : List.of("NaN", "Infinity", "-Infinity", "0x1p3", "1e400")) {
            JsonNode refused = problem(send(backtesting, "/backtest", admin,
                    json(backtest(Map.of("initial_capital", capital)))), 400);
            assertThat(refused.toString()).as("initial_capital %s", capital).contains("initial_capital");
        }
        // the same as JSON number tokens: 1e400 overflows a double, the others are not JSON
        Map<String, Object> withoutCapital = backtest(Map.of());
        withoutCapital.remove("initial_capital");
        for (String token : List.of("1e400", "-1e400", "NaN", "Infinity", "0x1p3")) {
            String body = JSON.writeValueAsString(withoutCapital).replaceFirst("^\\{",
                    "{\"initial_capital\":" + token + ",");
            problem(send(backtesting, "/backtest", admin, json(body)), 400);
        }
        JsonNode costs = problem(send(backtesting, "/backtest", admin, json(backtest(Map.of("costs",
                Map.of("commission_bps", "NaN", "slippage_bps", 1))))), 400);
        assertThat(costs.toString()).contains("commission_bps");
        JsonNode step = problem(send(backtesting, "/optimize", admin, json(sweep(Map.of("path",
                "entry.right.constant", "from", 10, "to", 40, "step", "Infinity")))), 400);
        assertThat(step.toString()).contains("parameters[0].step");

        // dates in the year 99999 (as a date, an extended-year instant, and in the bars query)
        for (String start : List.of("99999-01-01", "+99999-01-01T00:00:00Z")) {
            JsonNode date = problem(send(backtesting, "/backtest", admin, json(backtest(Map.of("start", start)))),
                    400);
            assertThat(date.path("field").asString()).as(start).isEqualTo("start");
        }
        JsonNode far = problem(send(backtesting, "/backtest", admin,
                json(backtest(Map.of("end", "+99999-12-31T00:00:00Z")))), 400);
        assertThat(far.path("reason").asString()).contains("1900 to 2200");
        problem(get(backtesting, "/market-data/SPX/bars?from=%2B99999-01-01T00:00:00Z", admin), 400);

        // a sweep of 100,000 values: refused from the counts, naming the limit and the amount asked
        JsonNode sweep = problem(send(backtesting, "/optimize", admin, json(sweep(Map.of("path",
                "entry.right.constant", "from", 0, "to", 99_999, "step", 1)))), 400);
        assertThat(sweep.path("field").asString()).isEqualTo("parameters");
        assertThat(sweep.path("detail").asString()).contains("100000", "10000", "BACKTEST_LIMITS_MAX_VARIANTS");

        assertHealthyWithinHeap(backtesting);
    }

    @Test
    void backtestingRefusesCsvWithNonFiniteCellsAndOverlongLines() {
        ServiceProcess backtesting = service("backtesting");
        String admin = suite.adminKey();
        String header = "date,open,high,low,close,volume\n";

        // a file whose only row holds NaN has no bar: 400 naming the row and its cell
        JsonNode nan = problem(send(backtesting, csvPath("HOSTILE_NAN"), admin,
                csv(header + "2020-01-02,100,NaN,99,100.5,1000\n")), 400);
        assertThat(nan.path("detail").asString()).contains("no valid bar");
        assertThat(nan.path("rejected").path(0).path("reason").asString()).contains("high", "NaN");

        // every kind of non-finite cell is rejected on its row; the good rows around them are stored
        String mixed = header + "2020-01-02,100,101,99,100.5,1000\n"
                + "2020-01-03,100,Infinity,99,100.5,1000\n"
                + "2020-01-06,100,101,99,0x1p3,1000\n"
                + "2020-01-07,1e400,101,99,100.5,1000\n"
                + "2020-01-08,100,101,NaN,100.5,1000\n"
                + "99999-01-09,100,101,99,100.5,1000\n"
                + "2020-01-10,100,101,99,100.5,1000\n";
        Reply stored = send(backtesting, csvPath("HOSTILE_MIXED"), admin, csv(mixed));
        assertThat(stored.status()).as("mixed upload: %s", stored.body()).isIn(200, 201);
        JsonNode report = stored.json();
        assertThat(report.path("bars_stored").asInt()).isEqualTo(2);
        assertThat(report.path("rejected_count").asInt()).isEqualTo(5);
        List<Long> lines = new ArrayList<>();
        report.path("rejected").forEach(row -> lines.add(row.path("line").asLong()));
        assertThat(lines).containsExactly(3L, 4L, 5L, 6L, 7L);

        // a 10,000-character line: a header refuses the upload, a row is rejected; neither is echoed whole
        String longLine = "x".repeat(10_000);
        Reply longHeader = send(backtesting, csvPath("HOSTILE_LONG"), admin, csv(longLine + "\n"
                + "2020-01-02,100,101,99,100.5,1000\n"));
        assertThat(problem(longHeader, 400).path("detail").asString()).contains("longer than");
        assertThat(longHeader.body().length()).as("answer size").isLessThan(1_000);
        Reply longRow = send(backtesting, csvPath("HOSTILE_LONG"), admin,
                csv(header + "2020-01-02,100,101,99,100.5," + "1".repeat(10_000) + "\n"));
        JsonNode row = problem(longRow, 400);
        assertThat(row.path("rejected").path(0).path("reason").asString()).contains("longer than");
        assertThat(longRow.body().length()).as("answer size").isLessThan(2_000);

        assertHealthyWithinHeap(backtesting);
    }

    @Test
    void backtestingRefusesTooManyWalkForwardWindowsAndJobsBeyondTheQueue() {
        ServiceProcess backtesting = service("backtesting");
        String admin = suite.adminKey();
        Map<String, Object> allBars = Map.of("start", "2000-01-01", "end", "2020-12-31");

        // 5,006 windows of 100 bars: past the 1,000 windows, named by the step that makes them
        JsonNode windows = problem(send(backtesting, "/backtest", admin, json(backtest(withPlan(allBars,
                Map.of("mode", "walk_forward", "window_bars", 100, "step_bars", 1))))), 400);
        assertThat(windows.path("field").asString()).isEqualTo("plan.step_bars");
        assertThat(windows.toString()).contains("1000", "BACKTEST_LIMITS_MAX_WINDOWS");
        // 422 windows of 3,000 bars: within the window count, past this instance's 1,000,000 window bars
        JsonNode windowBars = problem(send(backtesting, "/backtest", admin, json(backtest(withPlan(allBars,
                Map.of("mode", "walk_forward", "window_bars", 3_000, "step_bars", 5))))), 400);
        assertThat(windowBars.path("field").asString()).isEqualTo("plan.window_bars");
        assertThat(windowBars.toString()).contains(String.valueOf(WALK_FORWARD_BARS),
                "BACKTEST_LIMITS_MAX_WALK_FORWARD_BARS");

        // sweeps of 3,721 variants over every bar are queued (each takes seconds); the one past the cap is a 429
        Map<String, Object> bigSweep = new LinkedHashMap<>(backtest(allBars));
        bigSweep.put("parameters", List.of(
                Map.of("path", "entry.right.constant", "from", 10, "to", 40, "step", 0.5),
                Map.of("path", "exit.right.constant", "from", 60, "to", 90, "step", 0.5)));
        List<String> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < QUEUE_CAP; i++) {
                Reply queued = send(backtesting, "/optimize", admin, json(bigSweep));
                assertThat(queued.status()).as("sweep %d: %s", i, queued.body()).isEqualTo(202);
                accepted.add(queued.json().path("id").asString());
            }
            Reply refused = send(backtesting, "/optimize", admin, json(bigSweep));
            JsonNode full = problem(refused, 429);
            assertThat(full.path("type").asString()).endsWith("too-many-jobs");
            assertThat(full.path("detail").asString()).contains(String.valueOf(QUEUE_CAP),
                    "BACKTEST_LIMITS_MAX_QUEUED_JOBS");
            // a small job still runs in the request: the cap is for queued work only
            Reply small = send(backtesting, "/backtest", admin, json(backtest(Map.of())));
            assertThat(small.status()).as("a small backtest beside a full queue: %s", small.body()).isIn(200, 201);
        } finally {
            for (String id : accepted) {
                Reply cancelled = send(backtesting, "/optimize/" + id + "/cancel", admin, json(Map.of()));
                assertThat(cancelled.status()).as("cancel %s: %s", id, cancelled.body()).isIn(200, 202, 409);
            }
        }

        assertHealthyWithinHeap(backtesting);
    }

    // ---- embeddings-service ---------------------------------------------------------------------------------------

    @Test
    void embeddingsRefusesHugeTopKAndHugeQueries() {
        ServiceProcess embeddings = service("embeddings");
        String admin = suite.adminKey();

        JsonNode topK = problem(get(embeddings, "/search?query=rsi&top_k=100000", admin), 400);
        assertThat(topK.path("detail").asString()).contains("top_k", "100");
        problem(send(embeddings, "/search", admin, json(Map.of("query", "rsi", "top_k", 100_000))), 400);
        problem(get(embeddings, "/search/transcripts?query=rsi&top_k=100000", admin), 400);

        // a 100 kB query in a body (a URL that long is past any header limit)
        String query = "when should I take profits ".repeat(4_000).substring(0, 100_000);
        JsonNode big = problem(send(embeddings, "/search", admin, json(Map.of("query", query))), 400, 413);
        assertThat(big.path("detail").asString()).contains("query");
        assertThat(big.toString().length()).as("answer size").isLessThan(1_000);
        // and one just past the limit in the URL
        JsonNode url = problem(get(embeddings, "/search?query=" + "rsi+".repeat(300), admin), 400);
        assertThat(url.path("detail").asString()).contains("query", "1000");

        // POST /embed: 257 texts, one text of 4,001 characters, 120,000 characters in all
        JsonNode count = problem(send(embeddings, "/embed", admin, json(Map.of("texts",
                Collections.nCopies(257, "rsi below thirty")))), 400);
        assertThat(count.toString()).contains("texts", "257", "256");
        JsonNode one = problem(send(embeddings, "/embed", admin, json(Map.of("texts",
                List.of("short", "r".repeat(4_001))))), 400);
        assertThat(one.toString()).contains("texts[1]", "4001", "4000");
        JsonNode total = problem(send(embeddings, "/embed", admin, json(Map.of("texts",
                Collections.nCopies(30, "s".repeat(4_000))))), 400);
        assertThat(total.toString()).contains("120000", "100000");

        assertHealthyWithinHeap(embeddings);
    }

    @Test
    void apiRefusesGenerateStrategyRequestsOutsideTheirBoundsBeforeAskingAnyService() {
        ServiceProcess api = service("api");
        String admin = suite.adminKey();
        Map<String, Map<String, Object>> refusals = new LinkedHashMap<>();
        refusals.put("keyword", Map.of("keyword", "k".repeat(101)));
        refusals.put("text", Map.of("text", "buy when RSI is below 30. ".repeat(800)));
        refusals.put("text ", Map.of("keyword", "RSI", "text", "buy when RSI is below 30"));
        refusals.put("top_k", Map.of("keyword", "RSI", "top_k", 2.5));
        refusals.put("top_k ", Map.of("keyword", "RSI", "top_k", 21));
        refusals.put("temperature", Map.of("keyword", "RSI", "temperature", 2.5));
        refusals.put("dataset.symbol", Map.of("keyword", "RSI", "backtest", true,
                "dataset", Map.of("symbol", "SPX; DROP TABLE bar")));
        refusals.put("dataset.in_sample_fraction", Map.of("keyword", "RSI", "backtest", true,
                "dataset", Map.of("in_sample_fraction", 1.5)));
        refusals.forEach((field, body) -> {
            JsonNode refused = problem(send(api, "/llama/generate-strategy", admin, json(body)), 400);
            assertThat(refused.path("field").asString()).as("%s", body.keySet()).isEqualTo(field.strip());
        });

        assertHealthyWithinHeap(api);
    }

    // ---- orchestrator-service -------------------------------------------------------------------------------------

    @Test
    void orchestratorRefusesAnOversizedGenerateBody() {
        ServiceProcess orchestrator = service("orchestrator");
        String admin = suite.adminKey();
        String huge = JSON.writeValueAsString(Map.of("text", "buy when RSI is below 30. ".repeat(80_000)));
        assertThat(huge.length()).isGreaterThan(DEFAULT_BODY_LIMIT);

        JsonNode declared = problem(send(orchestrator, "/strategies/generate", admin, json(huge)), 413);
        assertThat(declared.path("detail").asString()).contains("/strategies/generate", "1048576");
        problem(send(orchestrator, "/strategies/generate", admin, chunkedJson(huge)), 413);
        // under the body limit but over the text bound (20,000 characters): a 400 naming the field
        JsonNode text = problem(send(orchestrator, "/strategies/generate", admin,
                json(Map.of("text", "x".repeat(50_000)))), 400);
        assertThat(text.path("detail").asString()).contains("text");

        assertHealthyWithinHeap(orchestrator);
    }

    // ---- who may write, from where (every service) ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"api", "orchestrator", "embeddings", "backtesting"})
    void writesNeedAWriteCredentialAndForeignOriginsAreRefused(String name) {
        ServiceProcess service = service(name);
        Write write = Write.of(name);

        Reply anonymous = write.send(service, null, Map.of());
        problem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).as("anonymous write").startsWith("Bearer");

        String stranger = "te_" + randomKey();
        Reply unknown = write.send(service, stranger, Map.of());
        problem(unknown, 401);
        assertThat(unknown.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(unknown.body()).doesNotContain(stranger);

        Reply reader = write.send(service, readKey, Map.of());
        JsonNode scope = problem(reader, 403);
        assertThat(scope.path("detail").asString()).contains("write scope");
        assertThat(reader.header("WWW-Authenticate")).contains("insufficient_scope");
        // the key is good: it reads
        Reply read = send(service, HttpRequest.newBuilder(service.url().resolve(write.readPath())).GET(), readKey);
        assertThat(read.status()).as("GET %s with the read key: %s", write.readPath(), read.body()).isEqualTo(200);

        // a page on another site: its preflight, and its "simple" POST even with a credential the page got somehow
        Reply preflight = send(service, HttpRequest.newBuilder(service.url().resolve(write.path()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"), null);
        assertThat(preflight.status()).as("preflight from %s: %s", EVIL_ORIGIN, preflight.body()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Reply crossOrigin = write.send(service, suite.adminKey(), Map.of("Origin", EVIL_ORIGIN));
        problem(crossOrigin, 403);
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        assertHealthyWithinHeap(service);
    }

    /** A harmless write of each service (it would change nothing that matters here) and a read beside it. */
    private record Write(String path, String contentType, String body, String readPath) {

        static Write of(String service) {
            return switch (service) {
                case "api" -> new Write("/ingest", "application/json",
                        "{\"video_path\":\"missing-" + UUID.randomUUID() + ".mp4\"}", "/media_items");
                case "orchestrator" -> new Write("/runs/" + UUID.randomUUID() + "/cancel", null, null,
                        "/runs?mediaId=" + UUID.randomUUID());
                case "embeddings" -> new Write("/reindex", null, null, "/reindex");
                case "backtesting" -> new Write("/strategies", "text/plain", STRATEGY_TEXT, "/market-data");
                default -> throw new IllegalArgumentException(service);
            };
        }

        Reply send(ServiceProcess service, String bearer, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(service.url().resolve(path)).POST(body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            return HostileInputIT.send(service, request, bearer);
        }
    }

    // ---- health and memory after the abuse ------------------------------------------------------------------------

    /** Still the same process, ready, and its heap below its maximum (it did not keep what it refused). */
    private static void assertHealthyWithinHeap(ServiceProcess service) {
        assertThat(service.alive()).as("%s is still running (see %s)", service, service.log()).isTrue();
        Reply readiness = get(service, "/actuator/health/readiness", null);
        assertThat(readiness.status()).as("%s readiness: %s", service, readiness.body()).isEqualTo(200);
        double used = heap(service, "jvm.memory.used");
        double max = heap(service, "jvm.memory.max");
        assertThat(max).as("%s heap limit", service).isPositive();
        assertThat(used).as("%s heap in use (limit %s bytes)", service, (long) max).isPositive().isLessThan(max);
    }

    private static double heap(ServiceProcess service, String metric) {
        Reply reply = get(service, "/actuator/metrics/" + metric + "?tag=area:heap", suite.adminKey());
        assertThat(reply.status()).as("%s %s: %s", service, metric, reply.body()).isEqualTo(200);
        for (JsonNode measurement : reply.json().path("measurements")) {
            if (measurement.path("statistic").asString().equals("VALUE")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError(service + " " + metric + " has no value: " + reply.body());
    }

    // ---- requests -------------------------------------------------------------------------------------------------

    private static Map<String, Object> backtest(Map<String, Object> change) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("strategy_text", STRATEGY_TEXT, "symbol", "SPX",
                "timeframe", "1d", "start", "2015-01-01", "end", "2019-12-31", "initial_capital", 10_000));
        request.putAll(change);
        return request;
    }

    private static Map<String, Object> withPlan(Map<String, Object> change, Map<String, Object> plan) {
        Map<String, Object> request = new LinkedHashMap<>(change);
        request.put("plan", plan);
        return request;
    }

    private static Map<String, Object> sweep(Map<String, Object> parameter) {
        Map<String, Object> request = new LinkedHashMap<>(backtest(Map.of()));
        request.put("parameters", List.of(parameter));
        return request;
    }

    /** A strategy whose entry is {@code depth} nested nots around one comparison. */
    private static String deepStrategyJson(int depth) {
        StringBuilder json = new StringBuilder("{\"name\":\"deep\",\"direction\":\"long\",\"entry\":");
        json.append("{\"type\":\"not\",\"condition\":".repeat(depth));
        json.append("{\"type\":\"below\",\"left\":{\"indicator\":\"RSI\"},\"right\":{\"constant\":30}}");
        json.append("}".repeat(depth));
        json.append(",\"exit\":{\"type\":\"above\",\"left\":{\"indicator\":\"RSI\"},\"right\":{\"constant\":70}}}");
        return json.toString();
    }

    private static String csvPath(String symbol) {
        return "/market-data?symbol=" + symbol + "&timeframe=1d";
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ServiceProcess service(String name) {
        return SERVICES.get(name);
    }

    /** An answer with its headers. */
    private record Reply(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Asserts an RFC 9457 problem with one of the statuses and a sentence saying what was wrong. */
    private static JsonNode problem(Reply reply, int... statuses) {
        List<Integer> expected = java.util.Arrays.stream(statuses).boxed().toList();
        assertThat(reply.status()).as("status of %s", reply.body()).isIn(expected);
        assertThat(reply.header("Content-Type")).as("content type of the %s answer %s", reply.status(),
                reply.body()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).as("problem status").isEqualTo(reply.status());
        assertThat(problem.path("detail").asString()).as("problem detail of %s", reply.body()).isNotBlank();
        return problem;
    }

    private static HttpRequest.Builder json(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
    }

    /** A JSON body without Content-Length (Transfer-Encoding: chunked), so only counting it can stop it. */
    private static HttpRequest.Builder chunkedJson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
    }

    private static HttpRequest.Builder text(String body) {
        return HttpRequest.newBuilder().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder csv(String body) {
        return HttpRequest.newBuilder().header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Reply get(ServiceProcess service, String path, String bearer) {
        return send(service, HttpRequest.newBuilder(service.url().resolve(path)).GET(), bearer);
    }

    private static Reply send(ServiceProcess service, String path, String bearer, HttpRequest.Builder request) {
        return send(service, request.uri(service.url().resolve(path)), bearer);
    }

    private static Reply send(ServiceProcess service, HttpRequest.Builder request, String bearer) {
        request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + service + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the headers and the first 256 kB of a chunked multipart body to {@code path} with the admin key, never
     * the rest, and reads the answer over a raw socket (an HTTP client would not read before the body is sent).
     */
    private static Reply unfinishedChunkedMultipart(ServiceProcess service, String path) {
        String boundary = "hostile" + UUID.randomUUID().toString().replace("-", "");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", service.port()), 3_000);
            socket.setSoTimeout((int) REFUSAL_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + service.port() + "\r\n"
                        + "Authorization: Bearer " + suite.adminKey() + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                        + "Transfer-Encoding: chunked\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                chunk(out, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 4; i++) {
                    chunk(out, new byte[64 * 1024]);
                }
                out.flush();
            } catch (IOException e) {
                // the service may answer and close while the body is still coming: its answer is what counts
            }
            return readResponse(socket.getInputStream(), service, path);
        } catch (SocketTimeoutException e) {
            return fail("%s POST %s waited %s for the rest of a chunked multipart body instead of refusing it: the "
                    + "body is parsed (spooled) before the endpoint is checked", service, path, REFUSAL_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** One HTTP/1.1 response: status line, headers, and a body by Content-Length, chunks, or up to the close. */
    private static Reply readResponse(InputStream in, ServiceProcess service, String path) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new AssertionError(service + " POST " + path + " answered no HTTP status: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        HttpHeaders parsed = HttpHeaders.of(headers, (k, v) -> true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (parsed.firstValue("Content-Length").isPresent()) {
            body.write(in.readNBytes(Integer.parseInt(parsed.firstValue("Content-Length").get())));
        } else if (parsed.firstValue("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT).contains("chunked")) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Reply(status, parsed, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
