package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import ec.gob.iess.claveempleador.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A code window of two seconds, set by configuration: the employer who waits on the code page is taken to
 * the expired-code page by the countdown (the server decides, from the stored expiry), and is told to start again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-browser-expiry;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "clave.recovery.otp-window=PT2S"
})
class ExpiredCodeBrowserTest {

    private static final PortalBrowserSupport.ChosenPort PORT = new PortalBrowserSupport.ChosenPort();

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", PORT::number);
        registry.add("clave.public-base-url", PORT::base);
    }

    @Test
    void codePageTurnsIntoTheExpiredPageWhenTheWindowCloses() {
        WebDriver driver = browser.driver();

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "1704567898001", "0001", "1704567898");
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/codigo")
                || driver.getCurrentUrl().endsWith("/codigo-expirado"));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> driver.getCurrentUrl().endsWith("/recuperar-clave/codigo-expirado"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("El código expiró");
        assertThat(driver.findElement(By.linkText("Empezar de nuevo")).getDomAttribute("href")).isEqualTo("/recuperar-clave");
        browser.screenshots("code-expired");
    }
}
