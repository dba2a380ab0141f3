package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;

/**
 * The web dashboard in a real browser (Debian's headless Chromium) against the four services' jars on private
 * infrastructure: sign in with an API key, upload a generated lesson through the page and watch the pushed run
 * events carry it to completed, open the lesson and seek from its transcript. Screenshots of each page land in
 * {@code target/screenshots/}; axe-core checks each page for serious accessibility violations. docs/dashboard.md
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private static final String LESSON = "dashboard-upload";

    private static SystemSuite suite;
    private static Browser browser;
    private static String dashboard;
    private static String readWriteKey;
    private static Path lessonFile;

    @BeforeAll
    static void startSuiteAndBrowser() {
        suite = SystemSuite.withInfrastructure();
        try {
            ServiceProcess backtesting = suite.start("backtesting", "backtesting-service",
                    SystemSuite.BACKTESTING_PORT, Map.of());
            ServiceProcess orchestrator = suite.start("orchestrator", "orchestrator-service",
                    SystemSuite.ORCHESTRATOR_PORT, Map.of());
            ServiceProcess embeddings = suite.start("embeddings", "embeddings-service", SystemSuite.EMBEDDINGS_PORT,
                    Map.of());
            ServiceProcess api = suite.start("api", "api-service", SystemSuite.API_PORT, Map.of());
            Path ingestRoot = suite.paths().work().resolve("ingest");
            Lessons lessons = new Lessons(ingestRoot);
            lessons.prepareInBackground(List.of(Map.entry(LESSON, 4)));
            SystemSuite.awaitHealthy(backtesting, orchestrator, embeddings, api);
            // stage 9 backtests the lesson's strategy on the S&P 500 (fetched by stack.sh test / fetch-data)
            suite.client(backtesting).postFiles("/market-data?symbol=SPX&timeframe=1d",
                    Map.of("file", suite.paths().marketData().resolve("sp500-2000.csv"))).expect(200, 201);
            // the key a trader would paste: made by the admin, read and write only
            readWriteKey = suite.client(api).postJson("/admin/api_keys",
                    Map.of("name", "dashboard-it", "scopes", List.of("read", "write"))).expect(201, 200)
                    .json().path("key").asString();
            lessonFile = ingestRoot.resolve(lessons.make(LESSON, 4));
            dashboard = api.url().resolve("/").toString();
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
    void theLessonSeeksToATranscriptLineWhenItIsClicked() {
        browser.find("tr[data-media-id] th a").click();
        browser.until(PAGE, "the lesson's address", () -> browser.driver().getCurrentUrl().contains("/ui/lessons/"));
        List<WebElement> lines = browser.until(PAGE, "the transcript's lines", () -> {
            List<WebElement> found = browser.findAll("#transcript-lines button.line");
            return found.size() >= 3 ? found : null;
        });
        browser.until(PAGE, "the video's metadata through its signed link", () ->
                ((Number) browser.script("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(((Number) browser.script("return document.getElementById('player').duration")).doubleValue())
                .isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.5));

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
        browser.script("document.getElementById('player').pause()");
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

    private static void assertAccessible(String page) {
        assertThat(browser.seriousAccessibilityViolations()).as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }
}
