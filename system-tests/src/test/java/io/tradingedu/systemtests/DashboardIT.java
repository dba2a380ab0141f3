package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web dashboard in a real browser (Debian's headless Chromium) against the four services' jars on private
 * infrastructure, one suite and one lesson for every page: sign in with an API key, upload a generated lesson through
 * the page and watch the pushed run events carry it to completed, open the lesson and seek from its transcript; search
 * a phrase its subtitles say, see its words marked and land on the lesson at that moment; Statistics counts the
 * completed lesson and lists every stage; a too-long query and a stopped embeddings-service are shown as the API's
 * problems in words; the Strategies pages draw the lesson's backtest with every trade; the Playground shows a broken
 * strategy's problem at its line, backtests the mended one with its charts and sweeps two of its numbers into a
 * heatmap; the Library's text filter finds the lesson by a word of its name. Screenshots of each page land in {@code target/screenshots/}; axe-core checks each page for
 * serious accessibility violations. docs/dashboard.md
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private static final String LESSON = "dashboard-upload";
    /** Seconds each of the lesson's three slides is shown. */
    private static final int SLIDE_SECONDS = 6;
    /** Said and shown in the lesson's second slide (Lessons' subtitles and slide text), at 6-12 s. */
    private static final String PHRASE = "stop loss two percent below the entry";

    private static SystemSuite suite;
    private static ServiceProcess embeddings;
    private static Browser browser;
    private static String dashboard;
    private static String ui;
    private static String readWriteKey;
    private static Path lessonFile;

    @BeforeAll
    static void startSuiteAndBrowser() {
        suite = SystemSuite.withInfrastructure();
        try {
            FourServices services = suite.startFourServices(Map.of());
            embeddings = services.embeddings();
            ServiceProcess api = services.api();
            Path ingestRoot = suite.paths().work().resolve("ingest");
            Lessons lessons = new Lessons(ingestRoot);
            lessons.prepareInBackground(List.of(Map.entry(LESSON, SLIDE_SECONDS)));
            services.awaitHealthy();
            suite.loadSp500(suite.client(services.backtesting()));
            // the key a trader would paste: made by the admin, read and write only
            readWriteKey = suite.client(api).postJson("/admin/api_keys",
                    Map.of("name", "dashboard-it", "scopes", List.of("read", "write"))).expect(201, 200)
                    .json().path("key").asString();
            lessonFile = ingestRoot.resolve(lessons.make(LESSON, SLIDE_SECONDS));
            dashboard = api.url().resolve("/").toString();
            ui = api.url().resolve("/ui/").toString();
            browser = Browser.start(Path.of("target", "screenshots").toAbsolutePath(),
                    suite.paths().stackHome().resolve("tools/axe-core/node_modules/axe-core/axe.min.js"));
        } catch (RuntimeException | Error e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @Test
    @Order(1)
    void signsInWithAnApiKeyAfterARefusedOneIsExplainedInWords() {
        browser.open(dashboard);
        WebElement key = browser.await("#api-key", PAGE);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/");
        assertAccessible("sign-in");
        browser.screenshot("sign-in");

        key.sendKeys("te_" + "x".repeat(43));
        browser.find("form.sign-in button[type=submit]").click();
        String refusal = browser.until(PAGE, "the refusal in words", () -> {
            String text = browser.find("#sign-in-error").getText();
            return text.startsWith("Unauthorized") ? text : null;
        });
        assertThat(refusal).contains("Unauthorized");

        key.clear();
        key.sendKeys(readWriteKey);
        browser.find("form.sign-in button[type=submit]").click();
        browser.until(PAGE, "the Library page", () -> browser.find("h1").getText().equals("Library"));
        browser.until(PAGE, "live updates", () -> "live".equals(browser.find("#live-status").getDomAttribute(
                "data-state")));
    }

    @Test
    @Order(2)
    void anUploadedLessonReachesCompletedThroughPushedEvents() {
        browser.find("#upload-file").sendKeys(lessonFile.toString());
        browser.until(PAGE, "the upload's answer", () -> browser.find("#upload-status").getText()
                .contains("uploaded"));
        assertThat(browser.find("#upload-progress").getDomProperty("value")).isEqualTo("100");
        String row = "tr[data-media-id]";
        WebElement item = browser.await(row, PAGE);
        assertThat(item.getText()).contains(LESSON + ".mp4");
        browser.screenshot("library-uploading");

        browser.until(RUN_TIMEOUT, "the lesson's run to complete on the page", () ->
                "completed".equals(browser.find(row).getDomAttribute("data-status")));
        WebElement done = browser.find(row);
        // the row moved with pushed run events (a status and a stage-completed event per stage), not by reloads
        assertThat(Integer.parseInt(done.getDomAttribute("data-pushed"))).isGreaterThanOrEqualTo(10);
        assertThat(done.findElement(org.openqa.selenium.By.cssSelector(".stage-text")).getText())
                .isEqualTo("all 10 stages done");
        assertThat(done.findElement(org.openqa.selenium.By.cssSelector("progress")).getDomProperty("value"))
                .isEqualTo("10");
        assertAccessible("library");
        browser.screenshot("library");
    }

    @Test
    @Order(3)
    void theLessonSeeksToATranscriptLineWhenItIsClicked() throws Exception {
        browser.find("tr[data-media-id] th a").click();
        browser.until(PAGE, "the lesson's address", () -> browser.driver().getCurrentUrl().contains("/ui/lessons/"));
        List<WebElement> lines = browser.until(PAGE, "the transcript's lines", () -> {
            List<WebElement> found = browser.findAll("#transcript-lines button.line");
            return found.size() >= 3 ? found : null;
        });
        browser.until(PAGE, "the video's metadata through its signed link", () ->
                ((Number) browser.script("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(((Number) browser.script("return document.getElementById('player').duration")).doubleValue())
                .isCloseTo(3.0 * SLIDE_SECONDS, org.assertj.core.data.Offset.offset(0.5));

        WebElement second = lines.get(1);
        double start = Double.parseDouble(second.getDomAttribute("data-start"));
        assertThat(start).isGreaterThan(1.0);
        second.click();
        double at = browser.until(PAGE, "the player at the line's time", () -> {
            double time = ((Number) browser.script("return document.getElementById('player').currentTime"))
                    .doubleValue();
            return time >= start - 0.25 && time < start + 2.0 ? time : null;
        });
        assertThat(at).isCloseTo(start, org.assertj.core.data.Offset.offset(2.0));
        browser.until(PAGE, "the clicked line marked as the current one", () ->
                "true".equals(browser.findAll("#transcript-lines button.line").get(1).getDomAttribute("aria-current")));

        assertThat(browser.await("#keywords .marker", PAGE).getDomAttribute("aria-label")).contains(" at ");
        browser.await("#clips .clip video", PAGE);
        browser.await("#concepts .concept-list li", PAGE);
        browser.await("#strategies .strategy-list li", PAGE);
        // key frames: the slide with the rule, its image through its signed link, its OCR text as alt text
        WebElement slide = browser.until(PAGE, "the key frame showing the stop-loss slide", () ->
                browser.findAll("#frames .frame-card").stream()
                        .filter(card -> card.getText().toLowerCase(java.util.Locale.ROOT).contains("stop loss"))
                        .findFirst().orElse(null));
        WebElement image = slide.findElement(By.cssSelector("img"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", image);
        browser.until(PAGE, "the frame's image loaded through its signed link", () -> ((Number) browser.script(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() > 0);
        assertThat(image.getDomAttribute("src")).contains("/ui/frames/");
        // the alt names the picture; the on-screen text is the caption beside it (not read twice)
        assertThat(image.getDomAttribute("alt")).matches("Key frame \\d+ at \\d+:\\d\\d");
        assertThat(slide.findElement(By.cssSelector(".ocr")).getText().toLowerCase(java.util.Locale.ROOT))
                .contains("stop loss");
        // its time button seeks the player to the second the frame was taken
        double shownAt = Double.parseDouble(slide.getDomAttribute("data-time"));
        assertThat(shownAt).isBetween((double) SLIDE_SECONDS, 2.0 * SLIDE_SECONDS);
        slide.findElement(By.cssSelector("figcaption button.time-button")).click();
        browser.until(PAGE, "the player at the frame's time", () -> Math.abs(((Number) browser.script(
                "return document.getElementById('player').currentTime")).doubleValue() - shownAt) < 1.0);

        // features: stage 7's values in words
        WebElement words = browser.await("#features dd[data-feature=transcript_words]", PAGE);
        assertThat(Integer.parseInt(words.getText().replace(",", ""))).isPositive();
        assertThat(browser.find("#features dd[data-feature=frames]").getText())
                .isEqualTo(String.valueOf(browser.findAll("#frames .frame-card").size()));

        // a clip's download link: its MP4 under the API's file name, without a key (the link is the credential)
        String download = browser.await("#clips a.clip-download", PAGE).getDomProperty("href");
        assertThat(download).contains("/ui/clips/");
        java.net.http.HttpResponse<byte[]> clip = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(download)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(clip.statusCode()).isEqualTo(200);
        assertThat(clip.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(clip.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"clip-\\d+(-[a-z0-9-]+)?\\.mp4\"");
        assertThat(new String(clip.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        browser.script("document.getElementById('player').pause()");
        browser.script("window.scrollTo(0, 0)");
        assertAccessible("lesson");
        browser.screenshot("lesson");
    }

    @Test
    @Order(4)
    void backForwardAndReloadKeepTheAddressAndTheSession() {
        String lesson = browser.driver().getCurrentUrl();
        browser.driver().navigate().back();
        browser.until(PAGE, "the Library after back", () -> browser.find("h1").getText().equals("Library"));
        browser.driver().navigate().forward();
        browser.until(PAGE, "the lesson after forward", () -> browser.find("h1").getText().equals(LESSON + ".mp4"));
        browser.driver().navigate().refresh();
        browser.until(PAGE, "the lesson after a reload of its deep link", () ->
                browser.find("h1").getText().equals(LESSON + ".mp4"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(lesson);

        browser.resize(390, 844);
        browser.screenshot("lesson-phone");
        browser.driver().navigate().back();
        browser.until(PAGE, "the Library on a phone", () -> browser.find("h1").getText().equals("Library"));
        browser.screenshot("library-phone");
        assertAccessible("library-phone");
    }

    @Test
    @Order(5)
    void aSpokenPhraseIsFoundWithItsWordsMarkedAndOpensTheLessonAtThatMoment() {
        browser.resize(1366, 900);
        String mediaId = browser.find("tr[data-media-id]").getDomAttribute("data-media-id");
        browser.find("#nav a[data-page=search]").click();
        WebElement box = browser.await("#search-query", PAGE);
        box.sendKeys(PHRASE);
        browser.find("form.search-form button[type=submit]").click();
        browser.until(PAGE, "the search in the address", () -> browser.driver().getCurrentUrl()
                .contains("/ui/search?q=stop+loss"));
        WebElement first = browser.until(PAGE, "the first hit", () -> browser.findAll("#search-results li.hit")
                .stream().findFirst().orElse(null));
        assertThat(browser.find("#search-status").getText()).contains("for “" + PHRASE + "”");
        String text = first.findElement(By.cssSelector(".hit-text")).getText();
        assertThat(text.toLowerCase()).contains("stop loss");
        List<String> marked = first.findElements(By.cssSelector(".hit-text mark")).stream()
                .map(mark -> mark.getText().toLowerCase()).toList();
        // the query's words are marked (OCR may have read a slide's word differently), a stop word never is
        assertThat(marked).as("the marks in %s", text).contains("stop", "loss")
                .allMatch(word -> List.of("stop", "loss", "two", "percent", "below", "entry").contains(word),
                        "a word of the query");
        assertAccessible("search");
        browser.screenshot("search");

        // the slide that shows the rule is on screen from 6 s to 12 s: its frame hit must open the lesson there
        WebElement frame = browser.findAll("#search-results li.hit[data-type=frame]").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no frame hit for the slide's words: "
                        + browser.find("#search-results").getText()));
        double start = Double.parseDouble(frame.getDomAttribute("data-start"));
        double end = Double.parseDouble(frame.getDomAttribute("data-end"));
        WebElement link = frame.findElement(By.cssSelector("a.hit-link"));
        assertThat(link.getDomAttribute("href")).contains("/ui/lessons/" + mediaId + "?t=");
        link.click();
        browser.until(PAGE, "the lesson's address with its moment", () -> browser.driver().getCurrentUrl()
                .contains("/ui/lessons/" + mediaId + "?t="));
        double asked = Double.parseDouble(browser.driver().getCurrentUrl().replaceAll(".*[?&]t=([0-9.]+).*", "$1"));
        double at = browser.until(PAGE, "the player at the hit's moment", () -> {
            Number ready = (Number) browser.script("return document.getElementById('player').readyState");
            double time = ((Number) browser.script("return document.getElementById('player').currentTime"))
                    .doubleValue();
            return ready.intValue() >= 1 && Math.abs(time - asked) < 0.25 ? time : null;
        });
        assertThat(at).isBetween(start - 0.25, end + 0.25).isBetween(6.0, 12.0);
        String current = browser.until(PAGE, "the transcript line of that moment marked current", () -> {
            List<WebElement> lines = browser.findAll("#transcript-lines button.line[aria-current=true]");
            return lines.isEmpty() ? null : lines.getFirst().getText();
        });
        assertThat(current).contains("stop loss");
        browser.screenshot("lesson-from-search");

        browser.driver().navigate().back();
        browser.until(PAGE, "the results again after back", () -> !browser.findAll("#search-results li.hit")
                .isEmpty());
        assertThat(browser.find("#search-query").getDomProperty("value")).isEqualTo(PHRASE);
    }

    @Test
    @Order(6)
    void aTooLongQueryIsAnsweredWithTheProblemInWords() {
        browser.open(ui + "search?q=" + "rsi+".repeat(300));
        String problem = browser.until(PAGE, "the refusal in words", () -> {
            String text = browser.find("#search-error").getText();
            return text.isBlank() ? null : text;
        });
        assertThat(problem).contains("1000 are allowed");
        assertThat(browser.findAll("#search-results li")).isEmpty();
    }

    @Test
    @Order(7)
    void statisticsCountTheCompletedLessonAndListEveryStage() {
        browser.find("#nav a[data-page=stats]").click();
        browser.until(PAGE, "the Statistics page", () -> browser.find("h1").getText().equals("Statistics"));
        WebElement completed = browser.await("#stats-media li[data-status=completed] .count", PAGE);
        assertThat(Integer.parseInt(completed.getText())).isEqualTo(1);
        List<WebElement> stages = browser.until(PAGE, "the stage table", () -> {
            List<WebElement> rows = browser.findAll("#stats-stages tbody tr");
            return rows.size() == 10 ? rows : null;
        });
        assertThat(stages).extracting(row -> row.getDomAttribute("data-stage")).containsExactly("validate",
                "process-video", "detect-keywords", "generate-clips", "extract-concepts", "embeddings", "features",
                "strategy-generation", "backtest", "evaluate-promote");
        for (WebElement row : stages) {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            assertThat(cells.get(0).getText()).as("stage %s done", row.getDomAttribute("data-stage")).isEqualTo("1");
            assertThat(cells.get(1).getText()).as("stage %s failed", row.getDomAttribute("data-stage"))
                    .isEqualTo("0");
            assertThat(cells.get(5).getText()).as("stage %s median", row.getDomAttribute("data-stage"))
                    .matches("[0-9.]+ s|[0-9]+:[0-9]{2}");
        }
        assertThat(browser.find("#backtest-depth").getText()).startsWith("0");
        assertThat(browser.find("#stats-failures").getText()).contains("No stage failed");
        browser.until(PAGE, "live updates", () -> "live".equals(browser.find("#live-status").getDomAttribute(
                "data-state")));
        assertAccessible("stats");
        browser.screenshot("stats");

        browser.resize(390, 844);
        browser.screenshot("stats-phone");
        assertAccessible("stats-phone");
        browser.resize(1366, 900);
    }

    @Test
    @Order(8)
    void aSearchWhileEmbeddingsIsDownSaysSo() {
        embeddings.stop();
        browser.open(ui + "search?q=" + URLEncoder.encode(PHRASE, StandardCharsets.UTF_8));
        String problem = browser.until(PAGE, "the outage in words", () -> {
            String text = browser.find("#search-error").getText();
            return text.isBlank() ? null : text;
        });
        assertThat(problem).contains("embeddings-service");
        browser.screenshot("search-unavailable");
    }

    /**
     * Strategies: the lesson's strategy, backtested by stage 9 on SPX, is listed; its page shows the compact text,
     * every reason of the decision, the metrics per period, the quote linking to the lesson at its second, and both
     * lightweight-charts charts drawn, the price chart with one entry and one exit marker per trade of the backtest.
     */
    @Test
    @Order(9)
    void theLessonsStrategyShowsItsDecisionMetricsAndChartsWithEveryTrade() {
        browser.resize(1366, 900);
        ApiClient api = new ApiClient(java.net.URI.create(dashboard), readWriteKey);
        String mediaId = api.get("/media_items?limit=1").expect(200).json().path("items").get(0).path("id")
                .asString();
        tools.jackson.databind.JsonNode strategy = backtestedStrategy(api, mediaId);
        String id = strategy.path("id").asString();
        tools.jackson.databind.JsonNode backtest = strategy.path("backtests").get(0);
        assertThat(backtest.path("symbol").asString()).isEqualTo("SPX");
        int trades = 0;
        for (tools.jackson.databind.JsonNode period : backtest.path("periods")) {
            trades += period.path("metrics").path("trades").asInt();
        }
        // the RSI rule on 20 years of the S&P 500 trades: a chart without trades would compare nothing below
        assertThat(trades).as("trades of the lesson's backtest: %s", backtest).isPositive();

        browser.find("#nav a[data-page=strategies]").click();
        browser.until(PAGE, "the Strategies page", () -> browser.find("h1").getText().equals("Strategies"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/strategies");
        WebElement listed = browser.await("#candidate-list li[data-strategy-id='" + id + "']", PAGE);
        assertThat(listed.getText()).contains(strategy.path("name").asString())
                .contains(strategy.path("decision").isString() ? strategy.path("decision").asString() : "undecided");
        browser.until(PAGE, "the lesson's name beside it", () -> listed.getText().contains(LESSON + ".mp4"));
        assertAccessible("strategies");
        browser.screenshot("strategies");

        listed.findElement(By.cssSelector("a.strategy-name")).click();
        browser.until(PAGE, "the strategy's address", () -> browser.driver().getCurrentUrl()
                .endsWith("/ui/strategies/" + id));
        browser.until(PAGE, "the strategy's name", () -> browser.find("h1").getText()
                .equals(strategy.path("name").asString()));
        assertThat(browser.find("#compact-text").getText()).isEqualTo(strategy.path("text").asString().strip());
        List<WebElement> reasons = browser.findAll("#reason-list li");
        assertThat(reasons).hasSize(strategy.path("reasons").size()).isNotEmpty();
        for (int i = 0; i < reasons.size(); i++) {
            tools.jackson.databind.JsonNode reason = strategy.path("reasons").get(i);
            assertThat(reasons.get(i).getDomAttribute("data-passed")).isEqualTo(String.valueOf(reason.path("passed")
                    .asBoolean()));
            assertThat(reasons.get(i).getText()).startsWith(reason.path("passed").asBoolean() ? "pass" : "fail");
        }
        // one column per tested period, in and out of sample, with the trades of each
        List<WebElement> tradeCells = browser.findAll("#metrics tr[data-metric=trades] td");
        assertThat(tradeCells).hasSize(backtest.path("periods").size());
        assertThat(browser.findAll("#metrics th[data-period]")).extracting(th -> th.getDomAttribute("data-period"))
                .contains("out_of_sample");
        if (strategy.path("evidence").path(0).path("start_seconds").isNumber()) {
            assertThat(browser.find("#evidence a.evidence-link").getDomAttribute("href"))
                    .contains("/ui/lessons/" + mediaId + "?t=");
            // the clip where it was taught plays in place, from its start
            double start = strategy.path("evidence").path(0).path("start_seconds").asDouble();
            browser.find("#evidence button.play-moment").click();
            WebElement clip = browser.await("#evidence video", PAGE);
            double at = browser.until(PAGE, "the clip's metadata", () -> {
                Object ready = browser.script("return arguments[0].readyState >= 1 ? arguments[0].currentTime : null;",
                        clip);
                return ready == null ? null : ((Number) ready).doubleValue();
            });
            // it may already be playing (the click allows it): anywhere in the taught moment, not before it
            double end = strategy.path("evidence").path(0).path("end_seconds").asDouble(start + 5);
            assertThat(at).as("the clip's time").isBetween(start - 0.5, end + 0.5);
        }

        browser.await("#equity-chart canvas", PAGE);
        browser.await("#price-chart canvas", PAGE);
        WebElement prices = browser.until(PAGE, "the trades drawn on the price chart", () -> {
            WebElement chart = browser.find("#price-chart");
            return chart.getDomAttribute("data-trades") == null ? null : chart;
        });
        assertThat(Integer.parseInt(prices.getDomAttribute("data-trades"))).as("trades drawn").isEqualTo(trades);
        assertThat(Integer.parseInt(prices.getDomAttribute("data-markers"))).as("an entry and an exit per trade")
                .isEqualTo(2 * trades);
        assertThat(Integer.parseInt(browser.find("#equity-chart").getDomAttribute("data-points"))).isPositive();
        assertAccessible("strategy");
        browser.screenshot("strategy");
    }

    @Test
    @Order(10)
    void aStrategysDeepLinkReloadsAndAnUnknownOneIsExplainedInWords() {
        String strategy = browser.driver().getCurrentUrl();
        browser.driver().navigate().refresh();
        browser.await("#price-chart canvas", PAGE);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(strategy);
        browser.driver().navigate().back();
        browser.until(PAGE, "the list after back", () -> browser.find("h1").getText().equals("Strategies"));

        browser.open(ui + "strategies/00000000-0000-0000-0000-000000000000");
        String problem = browser.until(PAGE, "the refusal in words", () -> {
            String text = browser.find("#strategy-error").getText();
            return text.isBlank() ? null : text;
        });
        assertThat(problem).contains("no strategy with id");
    }

    /**
     * Playground: a strategy with a broken line shows its problem at that line (in the list, in the gutter, and a
     * click puts the caret on it); the mended strategy backtests on SPX with its metrics and both charts, the price
     * chart with every trade of the backtest, and the result's address reloads.
     */
    @Test
    @Order(11)
    void anInvalidStrategyIsShownAtItsLineAndTheMendedOneBacktestsWithItsCharts() {
        browser.resize(1366, 900);
        browser.find("#nav a[data-page=playground]").click();
        browser.until(PAGE, "the Playground", () -> browser.find("h1").getText().equals("Playground"));
        browser.await("#dataset option[value='SPX|1d']", PAGE);

        write("name: broken dip\nentry: RSI(14) < 30\nexit: RSI(14) >\nstop_loss: 5%\n");
        WebElement problem = browser.await("#strategy-problems li[data-line='3']", PAGE);
        assertThat(problem.getText()).startsWith("Line 3, column ");
        assertThat(browser.find("#strategy-text").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(".gutter li[data-line='3']").getDomAttribute("class")).contains("has-problem");
        assertThat(browser.find(".gutter li[data-line='2']").getDomAttribute("class")).doesNotContain("has-problem");
        problem.findElement(By.cssSelector("button.problem-at")).click();
        Object caretLine = browser.script("const t = arguments[0];"
                + "return t.value.slice(0, t.selectionStart).split('\\n').length;", browser.find("#strategy-text"));
        assertThat(((Number) caretLine).intValue()).as("the caret's line after clicking the problem").isEqualTo(3);
        browser.screenshot("playground-invalid");

        write("name: RSI dip buyer\ndirection: long\nentry: RSI(14) < 30\nexit: RSI(14) > 55\nstop_loss: 5%\n");
        browser.until(PAGE, "the mended strategy accepted", () -> browser.find("#strategy-state").getText()
                .equals("The strategy can be tested."));
        assertThat(browser.findAll("#strategy-problems li")).isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.find("#dataset")).selectByValue("SPX|1d");
        browser.find("#run-backtest").click();
        WebElement summary = browser.await("#backtest-summary", Duration.ofSeconds(60));
        String backtestId = summary.getDomAttribute("data-backtest-id");
        ApiClient api = new ApiClient(java.net.URI.create(dashboard), readWriteKey);
        tools.jackson.databind.JsonNode run = api.get("/playground/backtests/" + backtestId).expect(200).json();
        assertThat(run.path("status").asString()).isEqualTo("completed");
        int trades = 0;
        for (tools.jackson.databind.JsonNode period : run.path("metrics").path("periods")) {
            trades += period.path("metrics").path("trades").asInt();
        }
        assertThat(trades).as("trades of the RSI dip buyer on 20 years of SPX").isPositive();
        assertThat(browser.findAll("#backtest-result th[data-period]")).extracting(th -> th.getDomAttribute(
                "data-period")).containsExactly("in_sample", "out_of_sample");
        browser.await("#equity-chart canvas", PAGE);
        WebElement prices = browser.until(PAGE, "the trades drawn on the price chart", () -> {
            WebElement chart = browser.find("#price-chart");
            return chart.getDomAttribute("data-trades") == null ? null : chart;
        });
        assertThat(Integer.parseInt(prices.getDomAttribute("data-trades"))).isEqualTo(trades);
        assertThat(browser.driver().getCurrentUrl()).contains("symbol=SPX").contains("backtest=" + backtestId);
        assertAccessible("playground");
        browser.script("document.getElementById('backtest-card').scrollIntoView()");
        browser.screenshot("playground");

        browser.driver().navigate().refresh();
        browser.await("#price-chart canvas", PAGE);
        assertThat(browser.find("#backtest-summary").getDomAttribute("data-backtest-id")).isEqualTo(backtestId);
        assertThat(browser.find("#strategy-text").getDomProperty("value")).contains("RSI(14) > 55");
    }

    /**
     * Playground sweep: the entry and exit thresholds swept 5 × 3 make a heatmap of 15 cells with the API's best cell
     * outlined and the neighbour check in words; its address reloads; a read-only key may check a text but not run
     * one (403).
     */
    @Test
    @Order(12)
    void aSweepOfTwoNumbersIsAHeatmapWithItsBestCellAndItsNeighbourCheck() {
        sweepAxis("x", "entry.right.constant", "20", "40", "5");
        sweepAxis("y", "exit.right.constant", "50", "70", "10");
        new org.openqa.selenium.support.ui.Select(browser.find("#sweep-metric")).selectByValue("sharpe");
        browser.find("#run-sweep").click();
        WebElement map = browser.await("#sweep-heatmap", Duration.ofSeconds(90));
        assertThat(browser.findAll("#sweep-heatmap td.heat-cell")).hasSize(15);
        String sweepId = browser.until(PAGE, "the sweep's address", () -> {
            String url = browser.driver().getCurrentUrl();
            return url.contains("sweep=") ? url.substring(url.indexOf("sweep=") + 6).split("&")[0] : null;
        });
        ApiClient api = new ApiClient(java.net.URI.create(dashboard), readWriteKey);
        tools.jackson.databind.JsonNode grid = api.get("/playground/sweeps/" + sweepId).expect(200).json()
                .path("sweep");
        assertThat(grid.path("variants").asInt()).isEqualTo(15);
        assertThat(map.getDomAttribute("data-cells")).isEqualTo(String.valueOf(grid.path("cells").size()));
        List<WebElement> best = browser.findAll("#sweep-heatmap td.heat-best");
        assertThat(best).hasSize(1);
        assertThat(best.getFirst().getDomAttribute("data-x")).isEqualTo(grid.path("best").path("x").asString());
        assertThat(best.getFirst().getDomAttribute("data-y")).isEqualTo(grid.path("best").path("y").asString());
        assertThat(browser.find("#robustness").getText()).startsWith("Best sharpe");
        assertAccessible("playground-sweep");
        browser.script("document.getElementById('sweep-card').scrollIntoView()");
        browser.screenshot("playground-sweep");

        browser.driver().navigate().refresh();
        browser.await("#sweep-heatmap", PAGE);
        assertThat(browser.findAll("#sweep-heatmap td.heat-cell")).hasSize(15);
        // the pickers show what the reloaded heatmap swept
        browser.until(PAGE, "the swept numbers in the pickers", () ->
                "entry.right.constant".equals(browser.find("#sweep-x").getDomProperty("value"))
                        && "exit.right.constant".equals(browser.find("#sweep-y").getDomProperty("value")));
        assertThat(browser.find("#sweep-x-from").getDomProperty("value")).isEqualTo("20");
        assertThat(browser.find("#sweep-y-step").getDomProperty("value")).isEqualTo("10");
        // on a phone the editor, the axes and the heatmap stack and stay readable
        browser.resize(390, 844);
        assertAccessible("playground-phone");
        browser.script("document.getElementById('sweep-card').scrollIntoView()");
        browser.screenshot("playground-phone");
        browser.resize(1366, 900);

        String readKey = suite.client(suite.service("api")).postJson("/admin/api_keys",
                Map.of("name", "dashboard-reader", "scopes", List.of("read"))).expect(201, 200).json().path("key")
                .asString();
        ApiClient reader = new ApiClient(java.net.URI.create(dashboard), readKey);
        reader.postJson("/playground/check", Map.of("text", "entry: RSI(14) < 30\nexit: RSI(14) > 55"))
                .expect(200);
        reader.postJson("/playground/backtests", Map.of("text", "entry: RSI(14) < 30\nexit: RSI(14) > 55",
                "symbol", "SPX", "timeframe", "1d")).expect(403);
    }

    /** Replaces the Playground's text as a person would: select all, type. */
    private static void write(String text) {
        WebElement area = browser.find("#strategy-text");
        area.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        area.sendKeys(text);
    }

    private static void sweepAxis(String axis, String path, String from, String to, String step) {
        browser.await("#sweep-" + axis + " option[value='" + path + "']", PAGE);
        new org.openqa.selenium.support.ui.Select(browser.find("#sweep-" + axis)).selectByValue(path);
        for (String[] value : new String[][] {{"from", from}, {"to", to}, {"step", step}}) {
            WebElement input = browser.find("#sweep-" + axis + "-" + value[0]);
            input.clear();
            input.sendKeys(value[1]);
        }
    }

    /** Last: the second upload (no video) fails stage 1, which the Statistics test must not count. */
    @Test
    @Order(13)
    void theLibrarysTextFilterFindsTheLessonByAWordOfItsNameAndNotAnother() throws Exception {
        browser.open(ui);
        browser.until(PAGE, "the Library", () -> browser.find("h1").getText().equals("Library"));
        Path other = java.nio.file.Files.writeString(lessonFile.resolveSibling("another-notes.mp4"),
                "notes, not a video");
        browser.find("#upload-file").sendKeys(other.toString());
        browser.until(PAGE, "the second upload's answer", () -> browser.find("#upload-status").getText()
                .contains("another-notes.mp4 uploaded"));

        // the filter is the API's q (kept in the address), over the whole catalogue, in any case
        WebElement text = browser.find("#filter-text");
        text.clear();
        text.sendKeys("UPLOAD");
        browser.find("form.filters button[type=submit]").click();
        browser.until(PAGE, "?q= in the address", () -> browser.driver().getCurrentUrl().endsWith("/ui/?q=UPLOAD"));
        browser.until(PAGE, "only the lesson listed", () -> names().equals(List.of(LESSON + ".mp4")));
        assertThat(browser.find("#list-summary").getText()).isEqualTo("1 item whose name contains “UPLOAD”");

        browser.open(ui + "?q=another");
        browser.until(PAGE, "only the other item listed", () -> names().equals(List.of("another-notes.mp4")));
        browser.open(ui + "?q=" + "x".repeat(201));
        browser.until(PAGE, "the 400 in words", () -> browser.find(".form-error").getText()
                .contains("q must be at most 200 characters"));
    }

    private static List<String> names() {
        return browser.findAll("#media-rows tr[data-media-id] th").stream().map(WebElement::getText).toList();
    }

    /** The first of the lesson's strategies (in full) that stage 9 backtested. */
    private static tools.jackson.databind.JsonNode backtestedStrategy(ApiClient api, String mediaId) {
        for (tools.jackson.databind.JsonNode item : api.get("/strategies?limit=50&media_id=" + mediaId).expect(200)
                .json().path("items")) {
            tools.jackson.databind.JsonNode detail = api.get("/strategies/" + item.path("id").asString())
                    .expect(200).json();
            if (detail.path("backtests").path(0).path("backtest_id").isString()) {
                return detail;
            }
        }
        throw new AssertionError("no strategy of lesson " + mediaId + " has a stage-9 backtest");
    }

    private static void assertAccessible(String page) {
        assertThat(browser.seriousAccessibilityViolations()).as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }
}
