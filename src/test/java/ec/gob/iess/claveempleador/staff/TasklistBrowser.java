package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ec.gob.iess.claveempleador.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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

    private static final By START = By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Registrar']");
    private static final By CLAIM = By.xpath("//button[contains(concat(' ', @class, ' '), ' claim ') and normalize-space()='Tomar']");

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
        // Desktop width; Tasklist's task form is long: a tall window keeps it on one screenshot.
        browser.driver().manage().window().setSize(new Dimension(Browser.DESKTOP_WIDTH, 1500));
        return new TasklistBrowser(browser, "http://localhost:" + port);
    }

    /** Signs in on Tasklist's own login page (the demo users' password is their user name). */
    void signIn(String user) {
        openLoginPage("tasklist", "Ingresar");
        driver.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action")));
    }

    /** Opens a webapp's login page and answers its text once the translated sign-in button shows. */
    String openLoginPage(String app, String signInLabel) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        wait.until(d -> d.findElement(By.cssSelector("button[type=submit]")).getText().trim().equals(signInLabel));
        return pageText();
    }

    /** Everything the page shows as text right now, the placeholders and tooltips of inputs included. */
    String pageText() {
        StringBuilder text = new StringBuilder(driver.findElement(By.tagName("body")).getText());
        for (WebElement input : driver.findElements(By.cssSelector("input[placeholder]"))) {
            text.append('\n').append(input.getAttribute("placeholder"));
        }
        return text.toString();
    }

    /** Requests a recovery on the portal, as the employer does, and answers the case number the page shows. */
    String caseNumberFromThePortal(String ruc, String sucursal, String cedula) {
        driver.get(baseUrl + "/recuperar-clave");
        driver.findElement(By.id("ruc")).sendKeys(ruc);
        driver.findElement(By.id("sucursal")).sendKeys(sucursal);
        driver.findElement(By.id("cedula")).sendKeys(cedula);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number"))).getText().trim();
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
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]//h4//a[contains(normalize-space(), '" + name + "')]")));
    }

    /** Types into Tasklist's search box and presses Enter, as a clerk does with what the employer shows her. */
    void search(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".search-field input.main-field")));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** Removes the search criteria, back to the whole filter. */
    void clearSearch() {
        for (WebElement remove : driver.findElements(By.cssSelector(".search-field [cam-widget-search-pill] .remove-search"))) {
            remove.click();
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".search-field [cam-widget-search-pill]"), 0));
    }

    /** The task names the open filter lists once exactly these show (the list refreshes after a search). */
    List<String> taskNamesSettlingOn(int count, String text) {
        wait.until(d -> {
            List<String> names = taskNames();
            return names.size() == count && names.stream().allMatch(name -> name.contains(text));
        });
        return taskNames();
    }

    private List<String> taskNames() {
        return driver.findElements(By.cssSelector("li.task h4.task a")).stream().map(WebElement::getText).toList();
    }

    /** The card of the listed task whose name contains the text: name, dates and the filter's columns. */
    String taskCard(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'task')][.//h4//a[contains(normalize-space(), '" + text + "')]]"))).getText();
    }

    /** The task names the open filter lists, in its order; waits until one that contains the text shows. */
    List<String> taskNamesShowing(String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(taskLink(text)));
        return driver.findElements(By.cssSelector("li.task h4.task a")).stream().map(WebElement::getText).toList();
    }

    /** Whether any listed task shows its priority number. */
    boolean priorityShown() {
        return driver.findElements(By.cssSelector(".tasks-list .priority")).stream().anyMatch(WebElement::isDisplayed);
    }

    void openTask(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(taskLink(text))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    /** Takes the open task ("Tomar"). */
    void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(CLAIM)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-actions button.btn-primary")));
    }

    /** Releases the open task ("Liberar"): its claim link comes back once the engine agreed. */
    void release() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".assignee .unclaim"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(CLAIM));
    }

    /** The open task's header: name, dates, assignee and the claim or release control. */
    String taskHeader() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.task-card header"))).getText();
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
        click(field(componentId));
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
                click(radio);
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
        driver.findElement(START).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    /** Presses "Registrar" when the engine refuses the start: the dialog stays open and shows why. */
    String startProcessRefused() {
        driver.findElement(START).click();
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
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-" + componentId + "']")));
        // The form is taller than the window: Tasklist's fixed footer would take a click meant for a field below it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        return field;
    }

    /** Clicks where the element is, once nothing lies over it (the footer, a form-js re-render). */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(ElementClickInterceptedException.class).until(d -> {
            element.click();
            return true;
        });
    }

    private static By taskLink(String text) {
        return By.xpath("//li[contains(@class,'task')]//h4//a[contains(normalize-space(), '" + text + "')]");
    }

    @Override
    public void close() throws IOException {
        browser.stop();
    }
}
