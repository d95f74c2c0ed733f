package org.painladder.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both at their fixed paths: Selenium Manager is never
 * asked for a driver or a browser, so nothing is downloaded. Each session gets a fresh profile directory, removed on
 * close. Without the browser the tests are skipped on a developer's machine and fail in CI (CI set), where `.ci/run`
 * installs it.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A ward laptop's screen. */
    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** axe-core's two highest impacts; the issue allows none of them on any page. */
    static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the calling test when it is not installed and this is not CI. */
    static Chromium start() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed) {
            String ci = System.getenv("CI");
            assertTrue(ci == null || ci.isBlank() || ci.equals("false"),
                    "CI needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
            Assumptions.abort("no " + BROWSER + " or " + DRIVER + ": browser tests skipped (install chromium"
                    + " chromium-driver to run them)");
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("painladder-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                    "--user-data-dir=" + profile, "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            // The page's own viewport at exactly the laptop's size (the window's includes no chrome when headless,
            // but its size is only a hint), so that screenshots are reproducible.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", LAPTOP.width,
                    "height", LAPTOP.height, "deviceScaleFactor", 1, "mobile", false));
            return new Chromium(driver, profile);
        } catch (IOException noTemp) {
            throw new UncheckedIOException(noTemp);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Saves what the browser shows under target/screenshots/NAME.png and answers the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Runs axe-core on the page as it is now and fails on any serious or critical violation, naming each. */
    Results assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        assertTrue(results.getErrorMessage() == null, "axe-core could not run on " + page + ": " + results.getErrorMessage());
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact())).toList();
        assertTrue(blocking.isEmpty(), () -> page + " has serious or critical accessibility violations:\n"
                + blocking.stream().map(rule -> "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp()
                        + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "))).collect(Collectors.joining("\n")));
        System.out.printf("axe-core on %s: %d rules passed, %d violated (%s)%n", page, results.getPasses().size(),
                results.getViolations().size(), results.getViolations().stream()
                        .map(rule -> rule.getImpact() + " " + rule.getId()).collect(Collectors.joining(", ")));
        return results;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in the temporary directory is harmless.
            }
        }
    }
}
