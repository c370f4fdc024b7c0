package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ec.gob.iess.claveempleador.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in a real headless Chromium (started by {@link Browser}), driven the way a centre staff
 * member uses it. The form fields are found by their Camunda Form component ids (form-js renders them as
 * `fjs-form-…-<id>`).
 */
final class TasklistBrowser implements AutoCloseable {

    private final Browser browser;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private TasklistBrowser(Browser browser, String baseUrl) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
    }

    static TasklistBrowser open(int port) throws IOException {
        Browser browser = Browser.headlessChromium();
        browser.start();
        // Tasklist's task form is long: a tall window keeps it on one screenshot.
        browser.driver().manage().window().setSize(new Dimension(1400, 1500));
        return new TasklistBrowser(browser, "http://localhost:" + port);
    }

    /** Signs in on Tasklist's own login page (the demo users' password is their user name). */
    void signIn(String user) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys(user);
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action")));
    }

    /** Opens another webapp with the same session and answers its page text once it shows the given text. */
    String openApp(String app, String expectedText) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(expectedText));
        return driver.findElement(By.tagName("body")).getText();
    }

    List<String> filters() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter h4.name a")));
        return driver.findElements(By.cssSelector(".task-filter h4.name a")).stream().map(link -> link.getText().replaceAll("\\s+\\d+$", "").trim()).toList();
    }

    void openFilter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task-filter')]//h4//a[contains(normalize-space(), '" + name + "')]"))).click();
    }

    /** The task names the open filter lists, in its order; waits until one that contains the text shows. */
    List<String> taskNamesShowing(String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(taskLink(text)));
        return driver.findElements(By.cssSelector("li.task h4.task a")).stream().map(WebElement::getText).toList();
    }

    void openTask(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(taskLink(text))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    void claim() {
        By claim = By.xpath("//a[normalize-space()='Claim'] | //button[normalize-space()='Claim']");
        wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-actions button.btn-primary")));
    }

    /** The text of the rendered form (headings, case data, labels). */
    String formText() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
    }

    /** Waits until the form no longer shows this text (a conditional part was hidden after an input changed). */
    void waitUntilFormNoLongerSays(String text) {
        wait.until(d -> !formText().contains(text));
    }

    /** Waits until the form shows this text (a conditional part appeared after an input changed). */
    void waitUntilFormSays(String text) {
        wait.until(d -> formText().contains(text));
    }

    void check(String componentId) {
        field(componentId).click();
    }

    void type(String componentId, String text) {
        field(componentId).sendKeys(text);
    }

    /** The labels of a radio group's options as offered right now. */
    List<String> options(String componentId) {
        return driver.findElements(By.cssSelector("input[type=radio][id*='-" + componentId + "-']")).stream()
                .map(radio -> driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText().trim())
                .toList();
    }

    /**
     * Waits until a radio group offers exactly these options (form-js re-evaluates option expressions a
     * moment after an input changes) and answers what it offers then.
     */
    List<String> optionsSettlingOn(String componentId, String... expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> options(componentId).equals(List.of(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Answer what is offered; the caller's assertion says what was expected instead.
        }
        return options(componentId);
    }

    void choose(String componentId, String label) {
        for (WebElement radio : driver.findElements(By.cssSelector("input[type=radio][id*='-" + componentId + "-']"))) {
            if (driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText().trim().equals(label)) {
                radio.click();
                return;
            }
        }
        throw new AssertionError("no option '" + label + "' in " + componentId + ": " + options(componentId));
    }

    /** Completes the open task and waits until Tasklist has closed its form. */
    void complete() {
        WebElement form = driver.findElement(By.cssSelector(".fjs-container"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".form-actions button.btn-primary"))).click();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    /** Opens "Start process", picks the process and waits for its start form. */
    void openStartForm(String processName) {
        driver.findElement(By.cssSelector(".start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'modal')]//a[contains(normalize-space(), '" + processName + "')]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
    }

    void startProcess() {
        WebElement start = driver.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
        start.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    /** Presses Start when the engine refuses the start: the dialog stays open and shows why. */
    String startProcessRefused() {
        driver.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .alert"))).getText();
    }

    /** Tasklist's notifications (success and error), as shown. */
    String notifications() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert, .page-notifications .alert"))).getText();
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        browser.script("window.scrollTo(0, 0)");
        Path file = Browser.SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private WebElement field(String componentId) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-" + componentId + "']")));
    }

    private static By taskLink(String text) {
        return By.xpath("//li[contains(@class,'task')]//h4//a[contains(normalize-space(), '" + text + "')]");
    }

    @Override
    public void close() throws IOException {
        browser.stop();
    }
}
