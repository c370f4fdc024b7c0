package ec.gob.iess.claveempleador.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (Selenium's own driver download cannot work on the build machines). Use it as a JUnit 5 extension:
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = Browser.headlessChromium();
 * ...
 * browser.driver().get(url);
 * browser.screenshots("recovery-code");   // target/screenshots/recovery-code-1280.png and -360.png
 * }</pre>
 * One browser per test class (with a fresh profile); a failing test leaves {@code failed-<test>.png} behind.
 * Paths can be moved with the system properties or environment variables {@code CHROMEDRIVER} and {@code CHROMIUM}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    public static final int DESKTOP_WIDTH = 1280;
    public static final int PHONE_WIDTH = 360;
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final int WINDOW_HEIGHT = 900;
    private static final int MIN_SCREENSHOT_HEIGHT = 640;
    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    private Browser() {
    }

    public static Browser headlessChromium() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    /** Starts the browser by hand, for tests that do not register the extension; pair with {@link #stop()}. */
    public void start() throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + DESKTOP_WIDTH + "," + WINDOW_HEIGHT);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            deleteProfile();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page (WebDriver's channel, not subject to the page's Content-Security-Policy). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The current page at desktop width and at phone width: {@code <name>-1280.png} and {@code <name>-360.png}. */
    public List<Path> screenshots(String name) {
        return List.of(screenshotAtWidth(name, DESKTOP_WIDTH), screenshotAtWidth(name, PHONE_WIDTH));
    }

    /** The current page as it is now, whole length, under {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        int width = ((Number) script("return window.innerWidth;")).intValue();
        return capture(name, width);
    }

    private Path screenshotAtWidth(String name, int width) {
        return capture(name + "-" + width, width);
    }

    /**
     * Emulates a viewport of the given width (as a phone would have: mobile metrics below 600 px) and as
     * tall as the page, so one picture shows the whole page; then returns to the desktop viewport.
     */
    private Path capture(String name, int width) {
        boolean mobile = width < 600;
        emulate(width, WINDOW_HEIGHT, mobile);
        int height = Math.max(MIN_SCREENSHOT_HEIGHT, ((Number) script("return Math.ceil(document.documentElement.scrollHeight);")).intValue());
        emulate(width, height, mobile);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void emulate(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        // Best effort: Chromium may still be writing into its profile while it exits; a leftover temp dir is harmless.
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            profile.toFile().deleteOnExit();
        }
        profile = null;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
