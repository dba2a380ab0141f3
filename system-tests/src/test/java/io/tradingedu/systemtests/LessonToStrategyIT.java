package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product end to end, as a user of the API sees it (what {@code deploy/local/stack.sh demo} shows): real market
 * data loaded, the demo's narrated RSI lesson followed through all ten stages to a decided strategy, the lesson with
 * nothing tradable ending with "no strategy", and the golden cross backtested on the S&P 500. The four services'
 * jars against a private PostgreSQL and Kafka (docs/system-tests.md), the suite it shares with HostileInputIT
 * ({@link SharedSuite}); it runs first, on services nobody has used yet.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSuite.StopAtTheEnd.class)
class LessonToStrategyIT {

    /** Both lessons run side by side on a shared machine; the demo gives one lesson five minutes. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BACKTEST_TIMEOUT = Duration.ofMinutes(3);
    private static final int STAGES = 10;
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final String QUESTION = "how far away do I put my protective exit if the trade goes against me";
    private static final String GOLDEN_CROSS = "name: Golden cross\nentry: SMA(50) crosses above SMA(200)\n"
            + "exit: SMA(50) crosses below SMA(200)\ncommission_bps: 5\nslippage_bps: 2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The demo's datasets (deploy/local/lib/marketdata.sh, load_market_data), fetched by the test command. */
    private static final List<MarketFile> MARKET_DATA = List.of(
            new MarketFile("SPX", "1d", "sp500-2000.csv", false),
            new MarketFile("AAPL", "1d", "appleinc_bars_from_20130101_usd.csv", false),
            new MarketFile("BTCUSD", "1h", "bitstamp_trades_from_20131125_usd.csv", true));

    private static SystemSuite suite;
    private static ApiClient api;
    private static ApiClient backtesting;
    private static final Map<MarketFile, ApiClient.Answer> UPLOADS = new LinkedHashMap<>();
    private static final Map<NarratedLesson, CompletableFuture<UUID>> INGESTED = new LinkedHashMap<>();
    private static final Map<NarratedLesson, JsonNode> FINISHED_ITEMS = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.suite();
        // Festival and ffmpeg make the lessons (one after the other) while the four JVMs start
        Path ingestRoot = suite.paths().work().resolve("ingest");
        CompletableFuture<String> rsiVideo = CompletableFuture.supplyAsync(
                () -> NarratedLesson.RSI.make(ingestRoot), SystemSuite.SIDE_BY_SIDE);
        CompletableFuture<String> habitsVideo = rsiVideo.handleAsync(
                (made, failed) -> NarratedLesson.HABITS.make(ingestRoot), SystemSuite.SIDE_BY_SIDE);
        FourServices services = SharedSuite.services();
        api = suite.client(services.api());
        backtesting = suite.client(services.backtesting());

        // stage 9 backtests on the loaded data, so it is loaded before the lessons are ingested; each upload's
        // answer is judged by its own test
        for (MarketFile file : MARKET_DATA) {
            UPLOADS.put(file, backtesting.postFiles("/market-data?symbol=" + file.symbol() + "&timeframe="
                    + file.timeframe(), Map.of("file", file.path())));
        }
        // both runs go through the pipeline side by side; a lesson that could not be made fails its own tests
        INGESTED.put(NarratedLesson.RSI, rsiVideo.thenApply(video -> ingest(NarratedLesson.RSI, video)));
        INGESTED.put(NarratedLesson.HABITS, habitsVideo.thenApply(video -> ingest(NarratedLesson.HABITS, video)));
    }

    // ---- market data and the golden cross (backtesting-service)

    @Test
    @Order(1)
    void realMarketDataIsStoredBarForBar() {
        for (MarketFile file : MARKET_DATA) {
            ApiClient.Answer answer = UPLOADS.get(file);
            String upload = "POST /market-data of " + file.name() + " as " + file.symbol() + " " + file.timeframe();
            assertThat(answer.status()).as("%s answered %s: %s", upload, answer.status(), answer.body())
                    .isIn(200, 201);
            JsonNode report = answer.json();
            Expected expected = file.expected();
            assertThat(report.path("symbol").asString()).as(upload + ": symbol").isEqualTo(file.symbol());
            assertThat(report.path("timeframe").asString()).as(upload + ": timeframe").isEqualTo(file.timeframe());
            assertThat(report.path("bars_stored").asLong()).as("%s: bars stored (%s)", upload, report)
                    .isEqualTo(expected.bars());
            assertThat(report.path("rejected_count").asLong()).as("%s: rows rejected (%s)", upload, report)
                    .isZero();
            assertThat(Instant.parse(report.path("from").asString())).as(upload + ": first bar")
                    .isEqualTo(expected.from());
            assertThat(Instant.parse(report.path("to").asString())).as(upload + ": last bar")
                    .isEqualTo(expected.to());
        }
        JsonNode datasets = backtesting.get("/market-data").expect(200).json();
        for (MarketFile file : MARKET_DATA) {
            assertThat(datasets.valueStream().filter(d -> file.symbol().equals(d.path("symbol").asString())
                    && file.timeframe().equals(d.path("timeframe").asString())).map(d -> d.path("bars").asLong()))
                    .as("GET /market-data lists %s %s with its bars: %s", file.symbol(), file.timeframe(), datasets)
                    .containsExactly(file.expected().bars());
        }
    }

    @Test
    @Order(2)
    void goldenCrossIsBacktestedOnTheSp500WithItsCostsAndWalkForward() {
        JsonNode strategy = backtesting.postText("/strategies", GOLDEN_CROSS).expect(201).json();
        JsonNode costs = strategy.path("definition").path("costs");
        assertThat(costs.path("commission_bps").asDouble()).as("stored commission: %s", strategy).isEqualTo(5.0);
        assertThat(costs.path("slippage_bps").asDouble()).as("stored slippage: %s", strategy).isEqualTo(2.0);
        assertThat(strategy.path("text").asString()).as("the stored strategy as compact text")
                .contains("SMA(50) crosses above SMA(200)", "SMA(50) crosses below SMA(200)", "commission_bps: 5");
        String strategyId = strategy.path("id").asString();

        JsonNode backtest = completedBacktest(backtesting.postJson("/backtest", Map.of("strategy_id", strategyId,
                "symbol", "SPX", "timeframe", "1d", "initial_capital", 10000)));
        JsonNode metrics = backtest.path("metrics").path("periods").path(0).path("metrics");
        for (String metric : List.of("total_return", "buy_and_hold_return", "cagr", "sharpe", "max_drawdown",
                "win_rate", "profit_factor")) {
            assertThat(metrics.path(metric).isNumber()).as("metric %s of the golden cross on SPX: %s", metric,
                    metrics).isTrue();
        }
        int trades = metrics.path("trades").asInt();
        assertThat(trades).as("trades of the golden cross on SPX 2000-2020: %s", metrics).isPositive();

        String backtestId = backtest.path("id").asString();
        JsonNode listed = backtesting.get("/backtest/" + backtestId + "/trades").expect(200).json();
        assertThat(listed.size()).as("GET /backtest/%s/trades lists as many trades as the metrics count",
                backtestId).isEqualTo(trades);
        for (JsonNode trade : listed) {
            assertThat(Instant.parse(trade.path("entry_time").asString()))
                    .as("a trade exits after it enters: %s", trade)
                    .isBefore(Instant.parse(trade.path("exit_time").asString()));
            assertThat(trade.path("commission").asDouble()).as("the 5 bps commission is charged: %s", trade)
                    .isPositive();
        }

        JsonNode walkForward = completedBacktest(backtesting.postJson("/backtest", Map.of("strategy_id", strategyId,
                "symbol", "SPX", "plan", Map.of("mode", "walk_forward", "window_bars", 756, "step_bars", 252))));
        JsonNode aggregate = walkForward.path("metrics").path("aggregate");
        int windows = aggregate.path("windows").asInt();
        assertThat(windows).as("walk-forward windows (756 bars every 252): %s", aggregate).isPositive();
        List<JsonNode> windowPeriods = walkForward.path("metrics").path("periods").valueStream()
                .filter(p -> p.path("label").asString().startsWith("window_")).toList();
        assertThat(windowPeriods).as("one period per walk-forward window").hasSize(windows)
                .allSatisfy(p -> assertThat(p.path("metrics").path("total_return").isNumber())
                        .as("return of %s", p.path("label").asString()).isTrue());
    }

    // ---- the RSI lesson (all ten stages, api-service)

    @Test
    @Order(3)
    void rsiLessonRunsThroughAllTenStages() {
        JsonNode item = completed(NarratedLesson.RSI);
        JsonNode stages = item.path("run").path("stages");
        assertThat(stages.size()).as("stages of the RSI lesson's run: %s", describe(item)).isEqualTo(STAGES);
        assertThat(stages.valueStream().map(s -> s.path("status").asString()))
                .as("every stage of the RSI lesson's run succeeded: %s", describe(item)).containsOnly("succeeded");
    }

    @Test
    @Order(4)
    void rsiLessonHasItsTranscriptKeywordsClipsAndConcepts() {
        JsonNode item = succeededThrough(NarratedLesson.RSI, "extract-concepts");
        String id = item.path("id").asString();
        double duration = item.path("duration_seconds").asDouble();
        assertThat(duration).as("duration of the RSI lesson: %s", item).isPositive();

        String srt = api.get("/transcript/" + id + "?format=srt").expect(200).body();
        assertThat(srt).as("the RSI lesson's transcript (srt)").isNotBlank().contains("-->");
        assertThat(srt.toLowerCase(Locale.ROOT)).as("the RSI lesson's transcript mentions the indicator:%n%s", srt)
                .containsAnyOf("rsi", "relative strength");

        JsonNode keywords = api.get("/keywords?media_id=" + id + "&limit=200").expect(200).json();
        List<JsonNode> rsi = keywords.path("items").valueStream()
                .filter(k -> "rsi".equals(k.path("keyword").asString())).toList();
        assertThat(rsi).as("keyword hits of \"rsi\" among %s", keywordsOf(keywords)).isNotEmpty();
        assertThat(rsi).as("\"rsi\" hits lie inside the %.1f s video", duration).allSatisfy(hit -> {
            double start = hit.path("start").asDouble();
            double end = hit.path("end").asDouble();
            assertThat(start).as("start of %s", hit).isBetween(0.0, end);
            assertThat(end).as("end of %s", hit).isLessThanOrEqualTo(duration + 0.5);
        });

        JsonNode clips = api.get("/clips?media_id=" + id + "&limit=50").expect(200).json();
        assertThat(clips.path("items").size()).as("clips of the RSI lesson: %s", clips).isPositive();
        for (JsonNode clip : clips.path("items")) {
            assertPlayableMp4(clip);
        }

        JsonNode concepts = api.get("/media_items/" + id + "/concepts").expect(200).json();
        JsonNode conceptItems = concepts.has("items") ? concepts.path("items") : concepts;
        assertThat(conceptItems.size()).as("concepts of the RSI lesson: %s", concepts).isPositive();
        assertThat(conceptItems.valueStream().map(c -> c.path("text_form").asString("")))
                .as("a concept in the strategy language names RSI(14): %s", concepts)
                .anyMatch(text -> text.contains("RSI(14)"));
    }

    @Test
    @Order(5)
    void aQuestionInATradersWordsFindsTheStopLossMoment() {
        String id = succeededThrough(NarratedLesson.RSI, "embeddings").path("id").asString();
        JsonNode answer = api.get("/embeddings/search?query=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8)
                + "&media_id=" + id + "&top_k=3").expect(200).json();
        JsonNode hits = answer.path("hits");
        assertThat(hits.size()).as("hits for \"%s\": %s", QUESTION, answer).isPositive();
        JsonNode top = hits.path(0);
        assertThat(top.path("text").asString().toLowerCase(Locale.ROOT))
                .as("the top hit for \"%s\" is the stop-loss passage; hits: %s", QUESTION, answer).contains("stop");
        assertThat(top.path("media_id").asString()).as("the top hit's lesson").isEqualTo(id);
        assertThat(top.path("play").asString()).as("the top hit's link that plays the moment: %s", top)
                .isNotBlank();
    }

    @Test
    @Order(6)
    void rsiLessonTaughtRuleBecomesADecidedStrategyWithEvidence() {
        String id = completed(NarratedLesson.RSI).path("id").asString();
        JsonNode features = api.get("/media_items/" + id + "/features").expect(200).json();
        assertThat(features.path("features").size()).as("features of the RSI lesson: %s", features).isPositive();

        JsonNode page = api.get("/strategies?media_id=" + id + "&limit=20").expect(200).json();
        List<JsonNode> listed = page.path("items").valueStream().toList();
        assertThat(listed).as("strategies generated from the RSI lesson: %s", page).isNotEmpty();
        assertThat(listed.stream().map(s -> s.path("text").asString()))
                .as("the taught rule RSI(14) < 30 is in a strategy; texts: %s",
                        listed.stream().map(s -> s.path("text").asString()).toList())
                .anyMatch(text -> text.contains("RSI(14) < 30"));

        List<String> undecided = new ArrayList<>();
        for (JsonNode summary : listed) {
            JsonNode strategy = api.get("/strategies/" + summary.path("id").asString()).expect(200).json();
            String what = "strategy " + strategy.path("key").asString() + " (" + strategy.path("id").asString() + ")";
            if (!Set.of("promoted", "rejected").contains(strategy.path("decision").asString(""))) {
                undecided.add(what + " has decision " + strategy.path("decision"));
            }
            if (strategy.path("reasons").isEmpty() || !strategy.path("reasons").valueStream()
                    .allMatch(r -> !r.path("text").asString("").isBlank() && r.path("passed").isBoolean())) {
                undecided.add(what + " has no reasons, or one without text or verdict: " + strategy.path("reasons"));
            }
            if (strategy.path("evidence").isEmpty()) {
                undecided.add(what + " has no evidence from the lesson");
            }
            if (strategy.path("backtests").isEmpty() || !strategy.path("backtests").valueStream()
                    .allMatch(b -> !b.path("periods").isEmpty())) {
                undecided.add(what + " has no backtest with tested periods: " + strategy.path("backtests"));
            }
        }
        assertThat(undecided).as("every strategy of the RSI lesson decided with reasons, evidence and backtests")
                .isEmpty();
    }

    // ---- the lesson with nothing tradable

    @Test
    @Order(7)
    void habitsLessonEndsWithNoStrategy() {
        JsonNode item = completed(NarratedLesson.HABITS);
        String summary = item.path("run").path("stages").valueStream()
                .filter(s -> "strategy-generation".equals(s.path("stage").asString()))
                .map(s -> s.path("summary").asString("")).findFirst().orElse("(stage not run)");
        assertThat(summary).as("the habits lesson's strategy-generation summary; run: %s", describe(item))
                .startsWith("no strategy");
        JsonNode strategies = api.get("/strategies?media_id=" + item.path("id").asString()).expect(200).json();
        assertThat(strategies.path("total").asLong()).as("strategies of the habits lesson: %s", strategies).isZero();
    }

    // ---- the deploys' smoke test (deploy/smoke/smoke.sh), run against these services as CI runs it after a deploy

    @Test
    @Order(8)
    void theDeploySmokeTestPassesAgainstTheseServices() {
        Path script = suite.paths().repo().resolve("deploy/smoke/smoke.sh");
        String output = Commands.run(RUN_TIMEOUT.plusMinutes(1), Map.of(
                "SMOKE_API_URL", "http://localhost:" + suite.apiPort(),
                "SMOKE_BACKTEST_URL", "http://localhost:" + suite.backtestingPort(),
                "SMOKE_EMBEDDINGS_URL", "http://localhost:" + suite.embeddingsPort(),
                "SMOKE_API_KEY", suite.adminKey(),
                "SMOKE_RUN_TIMEOUT", Long.toString(RUN_TIMEOUT.toSeconds())), List.of("bash", script.toString()));
        // one line per check, each passed (a failed check ends the script non-zero, which fails the run above)
        assertThat(output).as("smoke.sh said:%n%s", output)
                .contains("[smoke] ok    health", "[smoke] ok    pipeline", "[smoke] ok    backtest")
                .doesNotContain("FAIL");
    }

    // ---- helpers

    private static UUID ingest(NarratedLesson lesson, String video) {
        JsonNode item = api.postJson("/ingest", Map.of("video_path", video,
                "source_url", "generated://" + lesson.name())).expect(202).json();
        return UUID.fromString(item.path("id").asString());
    }

    /** The lesson's item once its run has finished; fails saying where the run stopped unless it completed. */
    private static JsonNode completed(NarratedLesson lesson) {
        JsonNode item = finished(lesson);
        assertThat(item.path("run").path("status").asString()).as("the %s's run: %s", lesson.name(), describe(item))
                .isEqualTo("completed");
        return item;
    }

    /**
     * The lesson's item once its run has finished, when every stage up to {@code lastStage} succeeded: what those
     * stages found is judged even when a later one failed (which its own test reports).
     */
    private static JsonNode succeededThrough(NarratedLesson lesson, String lastStage) {
        JsonNode item = finished(lesson);
        List<String> upTo = new ArrayList<>();
        for (JsonNode stage : item.path("run").path("stages")) {
            upTo.add(stage.path("stage").asString() + " " + stage.path("status").asString());
            if (lastStage.equals(stage.path("stage").asString())) {
                break;
            }
        }
        assertThat(upTo).as("the %s's stages up to %s succeeded: %s", lesson.name(), lastStage, describe(item))
                .endsWith(lastStage + " succeeded").allMatch(stage -> stage.endsWith(" succeeded"));
        return item;
    }

    /** The lesson's item once its run has finished (followed once, then remembered). */
    private static synchronized JsonNode finished(NarratedLesson lesson) {
        JsonNode item = FINISHED_ITEMS.get(lesson);
        if (item == null) {
            UUID media;
            try {
                media = SystemSuite.join(INGESTED.get(lesson));
            } catch (RuntimeException e) {
                throw new AssertionError("the " + lesson.name() + " could not be made or ingested: " + e.getMessage(),
                        e);
            }
            item = follow(lesson, media);
            FINISHED_ITEMS.put(lesson, item);
        }
        return item;
    }

    private static JsonNode follow(NarratedLesson lesson, UUID media) {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        JsonNode item = null;
        while (Instant.now().isBefore(deadline)) {
            item = api.get("/media_items/" + media).expect(200).json();
            if (FINISHED.contains(item.path("run").path("status").asString())) {
                return item;
            }
            Commands.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the " + lesson.name() + "'s run did not finish within " + RUN_TIMEOUT + ": "
                + (item == null ? "no answer" : describe(item)));
    }

    /** A run in a few lines: its status, then each stage with its status, summary or error. */
    private static String describe(JsonNode item) {
        JsonNode run = item.path("run");
        StringBuilder text = new StringBuilder("run ").append(run.path("id").asString()).append(' ')
                .append(run.path("status").asString());
        String reason = run.path("failure_reason").asString("");
        if (!reason.isBlank()) {
            text.append(" (").append(reason).append(')');
        }
        for (JsonNode stage : run.path("stages")) {
            String error = stage.path("error").asString("");
            text.append(String.format(Locale.ROOT, "%n  %2d %-20s %-9s attempt %d  %s", stage.path("number").asInt(),
                    stage.path("stage").asString(), stage.path("status").asString(), stage.path("attempt").asInt(),
                    error.isBlank() ? stage.path("summary").asString("") : "error: " + error));
        }
        return text.toString();
    }

    private static List<String> keywordsOf(JsonNode keywords) {
        return keywords.path("items").valueStream().map(k -> k.path("keyword").asString()).distinct().toList();
    }

    /** A job answered 201 with its result, or 202 and queued: then followed until it has finished. */
    private static JsonNode completedBacktest(ApiClient.Answer submitted) {
        JsonNode job = submitted.expect(201, 202).json();
        Instant deadline = Instant.now().plus(BACKTEST_TIMEOUT);
        while (!Set.of("COMPLETED", "FAILED").contains(job.path("status").asString())) {
            assertThat(Instant.now()).as("backtest %s finished within %s: %s", job.path("id").asString(),
                    BACKTEST_TIMEOUT, job).isBefore(deadline);
            Commands.sleep(Duration.ofSeconds(1));
            job = backtesting.get("/backtest/" + job.path("id").asString()).expect(200).json();
        }
        assertThat(job.path("status").asString()).as("backtest %s: %s", job.path("id").asString(), job)
                .isEqualTo("COMPLETED");
        return job;
    }

    /** The clip downloads through its link and is an MP4 that ffprobe reads and ffmpeg decodes without an error. */
    private static void assertPlayableMp4(JsonNode clip) {
        String link = clip.path("download_url").asString("");
        assertThat(link).as("download link of clip %s", clip).isNotBlank();
        Path file = suite.paths().work().resolve("downloads").resolve(clip.path("id").asString() + ".mp4");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiClient.Answer download = api.download(link, file);
        assertThat(download.status()).as("GET %s: %s", link, download.body()).isEqualTo(200);
        assertThat(download.contentType()).as("content type of %s", link).startsWith("video/mp4");

        JsonNode probe = JSON.readTree(Commands.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                "-show_entries", "format=format_name,duration:stream=codec_type,codec_name", "-of", "json",
                file.toString()));
        assertThat(probe.path("format").path("format_name").asString()).as("container of clip %s: %s", link, probe)
                .contains("mp4");
        assertThat(probe.path("format").path("duration").asDouble()).as("duration of clip %s: %s", link, probe)
                .isPositive();
        assertThat(probe.path("streams").valueStream().map(s -> s.path("codec_type").asString()))
                .as("streams of clip %s: %s", link, probe).contains("video");
        String decodeErrors = Commands.run(Duration.ofMinutes(1), "ffmpeg", "-nostdin", "-v", "error", "-i",
                file.toString(), "-f", "null", "-");
        assertThat(decodeErrors).as("ffmpeg decoding clip %s", link).isBlank();
    }

    /** One dataset of the demo: a CSV of daily bars, or of trades aggregated to bars of the timeframe. */
    private record MarketFile(String symbol, String timeframe, String name, boolean trades) {

        Path path() {
            Path file = suite.paths().marketData().resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " not found: fetch the market data first "
                        + "(deploy/local/stack.sh fetch-data; the test command does)");
            }
            return file;
        }

        /**
         * What the upload must store, read from the file itself: one bar per data row (the files are clean), or one
         * hourly bar per hour with a trade; the first and last bar's start.
         */
        Expected expected() {
            try (var lines = Files.lines(path())) {
                List<String> rows = lines.skip(1).map(String::strip).filter(line -> !line.isEmpty()).toList();
                if (!trades) {
                    return new Expected(rows.size(), midnight(rows.getFirst()), midnight(rows.getLast()));
                }
                List<Long> hours = rows.stream().map(row -> Long.parseLong(row.split(",")[0]) / 3600).distinct()
                        .toList();
                return new Expected(hours.size(), Instant.ofEpochSecond(hours.getFirst() * 3600),
                        Instant.ofEpochSecond(hours.getLast() * 3600));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Instant midnight(String row) {
            return Instant.parse(row.substring(0, row.indexOf(',')) + "T00:00:00Z");
        }
    }

    private record Expected(long bars, Instant from, Instant to) {
    }
}
