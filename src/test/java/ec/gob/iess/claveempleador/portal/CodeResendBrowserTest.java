package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import ec.gob.iess.claveempleador.support.Browser;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a phone (360 px), the code does not arrive: "¿No le llegó el código?" → **Enviar un código nuevo**, disabled with
 * its own countdown until the wait is over (3 s here instead of a minute) → the new code → the link → the new clave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-browser-resend;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "clave.recovery.otp-resend-cooldown=PT3S"
})
class CodeResendBrowserTest {

    private static final PortalBrowserSupport.ChosenPort PORT = new PortalBrowserSupport.ChosenPort();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final String CODE_MAIL = "Código de verificación";

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", PORT::number);
        registry.add("clave.public-base-url", PORT::base);
    }

    @Test
    void anEmployerWhoseCodeDidNotArriveGetsANewOneInOneClickAndSetsTheClave() {
        WebDriver driver = browser.driver();
        String address = DemoEmployers.MARIA_PEREZ.email();
        phone(driver);

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), DemoEmployers.MARIA_PEREZ.ruc(), DemoEmployers.MARIA_PEREZ.sucursal(),
                DemoEmployers.MARIA_PEREZ.representativeId());
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/codigo"));
        String codePage = driver.getCurrentUrl();
        WebElement resend = driver.findElement(By.id("resend"));
        assertThat(resend.isEnabled()).as("disabled while the wait runs").isFalse();
        assertThat(resend.getText()).startsWith("Enviar un código nuevo (disponible en 0:0");
        screenshots("resend-01-code-page-waiting", driver);

        driver.findElement(By.linkText("¿No le llegó el código?")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/no-llego-el-codigo"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> driver.findElement(By.id("resend")).isEnabled());
        assertThat(driver.findElement(By.id("resend")).getText()).isEqualTo("Enviar un código nuevo");
        screenshots("resend-02-no-code-page", driver);

        driver.findElement(By.id("resend")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().equals(codePage));
        assertThat(driver.findElement(By.id("code-resent")).getText())
                .isEqualTo("Le enviamos un código nuevo a m***@correo.example. El código anterior ya no vale. Puede pedir 2 códigos nuevos más.");
        screenshots("resend-03-new-code-sent", driver);

        String newCode = PortalBrowserSupport.codeIn(awaitSecondCodeMail(driver, address));
        screenshots("resend-04-mailbox", driver);
        driver.get(codePage);
        PortalBrowserSupport.type(driver, "code", newCode);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/revise-su-correo"));

        PortalBrowserSupport.awaitMail(driver, PORT.base(), address, "Recuperación de clave").findElement(By.cssSelector(".mail__body a")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().contains("/recuperar-clave/nueva-clave?token="));
        PortalBrowserSupport.type(driver, "newPassword", NEW_CLAVE);
        PortalBrowserSupport.type(driver, "confirmation", NEW_CLAVE);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/recuperar-clave/clave-actualizada"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Su clave fue actualizada");
        screenshots("resend-05-done", driver);
    }

    /** The newest of two code mails: the first code's mail went out too, the new code is in the second. */
    private static WebElement awaitSecondCodeMail(WebDriver driver, String address) {
        return await().atMost(PortalBrowserSupport.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(PORT.base() + "/dev/mailbox");
            return driver.findElements(By.className("mail")).stream()
                    .filter(mail -> mail.findElement(By.className("mail__to")).getText().equals(address))
                    .filter(mail -> mail.findElement(By.className("mail__subject")).getText().startsWith(CODE_MAIL))
                    .toList();
        }, mails -> mails.size() == 2).get(0);
    }

    /** Both widths for the record; then back to the phone, where the employer is. */
    private static void screenshots(String name, WebDriver driver) {
        browser.screenshots(name);
        phone(driver);
    }

    private static void phone(WebDriver driver) {
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", Browser.PHONE_WIDTH, "height", 780, "deviceScaleFactor", 1, "mobile", true));
    }
}
