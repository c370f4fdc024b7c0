package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.support.Browser;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The new-clave page on a phone (Chromium, 360 px): show/hide keeps what was typed and where, the feedback
 * speaks while typing, a mismatch is stopped before the round trip, and a link window of 40 s (set by
 * configuration) shows the warning at 30 s left and, at the end, what happened and the one click to a new link,
 * with the typing still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-browser-new-clave;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "clave.recovery.link-window=PT40S"
})
class NewClaveBrowserTest {

    private static final PortalBrowserSupport.ChosenPort PORT = new PortalBrowserSupport.ChosenPort();
    private static final String MAIL = DemoEmployers.MARIA_PEREZ.email();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", PORT::number);
        registry.add("clave.public-base-url", PORT::base);
    }

    @Autowired
    GreenMail smtp;

    @Test
    void theEmployerTypesWithFeedbackShowsTheClaveIsWarnedAndOfferedANewLinkWhenItExpires() {
        WebDriver driver = browser.driver();
        driver.get(linkOfANewRecovery());
        phone();

        WebElement newPassword = driver.findElement(By.id("newPassword"));
        WebElement confirmation = driver.findElement(By.id("confirmation"));
        WebElement showNew = driver.findElement(By.cssSelector("button[aria-controls=newPassword]"));
        assertThat(showNew.getAccessibleName()).isEqualTo("Mostrar la nueva clave");
        assertThat(showNew.getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(driver.findElement(By.id("new-clave-live")).getDomAttribute("aria-live")).isEqualTo("polite");

        newPassword.sendKeys("tortuga violeta");
        assertThat(driver.findElement(By.id("newPassword-feedback")).getText())
                .isEqualTo("Caracteres escritos: 15 (de 15 a 128). El largo está bien.");
        newPassword.sendKeys(Keys.BACK_SPACE);
        assertThat(driver.findElement(By.id("newPassword-feedback")).getText())
                .isEqualTo("Caracteres escritos: 14 (de 15 a 128). La clave debe tener al menos 15 caracteres.");
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(By.id("new-clave-live")).getText().contains("Caracteres escritos: 14"));

        // Show: the same value, readable, the caret where it was (after "tortuga").
        newPassword.sendKeys(Keys.END);
        browser.script("arguments[0].setSelectionRange(7, 7);", newPassword);
        showNew.click();
        assertThat(newPassword.getDomProperty("type")).isEqualTo("text");
        assertThat(newPassword.getDomProperty("value")).isEqualTo("tortuga violet");
        assertThat(showNew.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.script("return arguments[0].selectionStart;", newPassword)).isEqualTo(7L);
        newPassword.sendKeys(Keys.END, "a cruza el puente del Guayas");
        assertThat(newPassword.getDomProperty("value")).isEqualTo(NEW_CLAVE);
        browser.screenshots("new-clave-shown");
        phone();

        confirmation.sendKeys("tortuga violeta cruza el puente del Guayaquil");
        assertThat(driver.findElement(By.id("confirmation-feedback")).getText())
                .isEqualTo("La clave repetida no es igual a la nueva clave: corríjala antes de guardar.");
        driver.findElement(By.cssSelector("#new-clave-form button[type=submit]")).click();
        // Stopped in the browser: still the same page, the confirmation says why and has the focus, nothing retyped.
        assertThat(driver.getCurrentUrl()).contains("/recuperar-clave/nueva-clave?token=");
        assertThat(driver.findElement(By.id("confirmation-error")).getText()).startsWith("La clave repetida no es igual");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("confirmation");
        assertThat(confirmation.getDomAttribute("aria-describedby")).contains("confirmation-error");
        assertThat(newPassword.getDomProperty("value")).isEqualTo(NEW_CLAVE);
        browser.screenshots("new-clave-mismatch");
        phone();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> driver.findElement(By.id("new-clave-live")).getText().startsWith("Quedan 30 segundos para guardar su clave."));
        browser.screenshots("new-clave-warning");
        phone();

        WebElement expired = driver.findElement(By.id("link-expired-notice"));
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(expired::isDisplayed);
        assertThat(expired.getText()).contains("El enlace expiró mientras escribía").contains("Lo que escribió sigue en esta página.");
        assertThat(expired.findElement(By.linkText("Pedir un enlace nuevo")).getDomAttribute("href")).isEqualTo("/recuperar-clave");
        assertThat(newPassword.getDomProperty("value")).isEqualTo(NEW_CLAVE);
        assertThat(driver.findElement(By.cssSelector("#new-clave-form button[type=submit]")).isEnabled()).isFalse();
        browser.screenshots("new-clave-expired");
    }

    /** An online recovery up to its mailed link, through the API and the mail server (the page is what is tested here). */
    private String linkOfANewRecovery() {
        RestClient http = RestClient.builder().baseUrl(PORT.base()).build();
        TestMailbox mailbox = new TestMailbox(smtp);
        JsonNode started = http.post().uri("/api/recoveries").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("ruc", DemoEmployers.MARIA_PEREZ.ruc(), "sucursal", DemoEmployers.MARIA_PEREZ.sucursal(),
                        "representativeId", DemoEmployers.MARIA_PEREZ.representativeId()))
                .retrieve().body(JsonNode.class);
        String recoveryId = started.path("recoveryId").asText();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> !mailbox.to(MAIL).isEmpty());
        http.post().uri("/api/recoveries/" + recoveryId + "/otp").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", mailbox.codeSentTo(MAIL))).retrieve().toBodilessEntity();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> mailbox.to(MAIL).size() >= 2);
        return mailbox.linkSentTo(MAIL);
    }

    /** The viewport of a phone, 360 px wide (screenshots return to the desktop one). */
    private static void phone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", Browser.PHONE_WIDTH, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    }
}
