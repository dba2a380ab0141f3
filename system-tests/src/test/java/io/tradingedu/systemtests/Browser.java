package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium), with what the dashboard tests need on top:
 * waits that say what they waited for, screenshots kept as test artifacts, and axe-core's accessibility check.
 * Nothing is downloaded: the browser, the driver and axe-core are what the install step put on the machine.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(SystemPaths.env("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(SystemPaths.env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path axeScript;

    private Browser(ChromeDriver driver, Path screenshots, Path axeScript) {
        this.driver = driver;
        this.screenshots = screenshots;
        this.axeScript = axeScript;
    }

    /** Fails with what to install when the browser, its driver or axe-core is missing: the tests never skip. */
    static Browser start(Path screenshots, Path axeScript) {
        require(CHROMIUM, "Chromium", "apt-get install chromium (deploy/local/stack.sh install does)");
        require(CHROMEDRIVER, "chromedriver", "apt-get install chromium-driver (deploy/local/stack.sh install does)");
        require(axeScript, "axe-core", "deploy/local/stack.sh install (npm install axe-core into "
                + "$STACK_HOME/tools/axe-core)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
                "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(new ChromeDriver(service, options), screenshots, axeScript);
    }

    private static void require(Path path, String what, String install) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(what + " not found at " + path + ": install it with " + install);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The first element matching css once it is displayed. */
    WebElement await(String css, Duration timeout) {
        return until(timeout, "an element " + css + " on " + driver.getCurrentUrl(), () ->
                findAll(css).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Waits until supplier answers non-null and non-false; the failure names what was waited for. An element the page
     * replaced while it was being read (the pages re-render on pushed events) is read again on the next poll.
     */
    <T> T until(Duration timeout, String what, Supplier<T> supplier) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(250)).withMessage("waited for " + what)
                    .ignoring(StaleElementReferenceException.class)
                    .until(ignored -> {
                        T value = supplier.get();
                        return value instanceof Boolean flag && !flag ? null : value;
                    });
        } catch (RuntimeException e) {
            screenshot("failure-" + System.currentTimeMillis());
            throw e;
        }
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the page as {@code <screenshots>/<name>.png}. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Runs axe-core (WCAG 2 A and AA rules) on the current page and answers its serious and critical violations,
     * each as "rule: help (n nodes: selector, ...)".
     */
    List<String> seriousAccessibilityViolations() {
        String axe;
        try {
            axe = Files.readString(axeScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        script(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'best-practice']}, resultTypes: ['violations']})
                  .then(results => done(JSON.stringify(results.violations)))
                  .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical',
                    help: String(error), nodes: []}])));
                """);
        JsonNode violations = JSON.readTree(String.valueOf(result));
        return violations.valueStream()
                .filter(v -> Map.of("serious", 1, "critical", 1).containsKey(v.path("impact").asString()))
                .map(v -> v.path("id").asString() + ": " + v.path("help").asString() + " ("
                        + v.path("nodes").size() + " nodes: " + v.path("nodes").valueStream()
                        .map(n -> n.path("target").toString()).limit(5).toList() + ")")
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
