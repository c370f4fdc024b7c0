package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import ec.gob.iess.claveempleador.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * axe-core (Deque's engine, bundled in {@code com.deque.html.axe-core:selenium}) run in a real Chromium on every
 * page of the portal, each in the state an employer meets it (a form with its errors, a code page after a wrong
 * code, the pages of every failure), in Spanish and, where it costs one more load, in English. Any violation of
 * axe's default rules (WCAG 2.x A and AA, and its best practices) fails the test, which lists them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-accessibility;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // The second start whose data do not match meets the rate limit: the "too many attempts" page.
        "clave.rate-limit.recovery-mismatch-global.max=1"
})
class PortalAccessibilityBrowserTest {

    private static final PortalBrowserSupport.ChosenPort PORT = new PortalBrowserSupport.ChosenPort();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final String PEREZ = "mfperez@correo.example";

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private final List<String> violations = new ArrayList<>();
    private int audited;

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", PORT::number);
        registry.add("clave.public-base-url", PORT::base);
    }

    @Test
    void everyPortalPageHasNoAccessibilityViolations() {
        WebDriver driver = browser.driver();

        open("/?lang=es-EC", "home");
        open("/recuperar-clave", "recovery form");
        PortalBrowserSupport.type(driver, "sucursal", "");
        submit();
        awaitThat(page -> !page.findElements(By.id("error-summary")).isEmpty());
        audit("recovery form with errors");

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "1790012344001", "0001", "1704567898");
        awaitUrl("/recuperar-clave/datos-no-coinciden");
        audit("data mismatch");
        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "1790012344001", "0001", "1704567898");
        awaitThat(page -> page.findElement(By.tagName("h1")).getText().equals("Demasiados intentos"));
        audit("too many attempts");

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "0990123454001", "0001", "0922334453");
        awaitUrl("/atencion-asistida");
        audit("assisted attention");

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "0912345675000", "0001", "0912345675");
        awaitUrl("/codigo");
        String replaced = driver.getCurrentUrl();
        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "0912345675000", "0001", "0912345675");
        awaitThat(page -> page.getCurrentUrl().endsWith("/codigo") && !page.getCurrentUrl().equals(replaced));
        driver.get(replaced);
        awaitUrl("/finalizada");
        audit("ended (replaced by a newer request)");

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "1704567898001", "0001", "1704567898");
        awaitUrl("/codigo");
        String codePage = driver.getCurrentUrl();
        audit("code");
        String code = codeFromTheMailbox();
        driver.get(codePage);
        PortalBrowserSupport.type(driver, "code", code.equals("000000") ? "111111" : "000000");
        submit();
        awaitThat(page -> !page.findElements(By.id("code-error")).isEmpty());
        audit("code after a wrong code");
        PortalBrowserSupport.type(driver, "code", code);
        submit();
        awaitUrl("/revise-su-correo");
        audit("check your e-mail");

        PortalBrowserSupport.awaitMail(driver, PORT.base(), PEREZ, "Recuperación de clave").findElement(By.cssSelector(".mail__body a")).click();
        awaitThat(page -> page.getCurrentUrl().contains("/recuperar-clave/nueva-clave?token="));
        audit("new clave");
        PortalBrowserSupport.type(driver, "newPassword", NEW_CLAVE);
        PortalBrowserSupport.type(driver, "confirmation", NEW_CLAVE + " y algo más");
        submit();
        awaitThat(page -> !page.findElements(By.id("confirmation-error")).isEmpty());
        audit("new clave with errors");
        PortalBrowserSupport.type(driver, "newPassword", NEW_CLAVE);
        PortalBrowserSupport.type(driver, "confirmation", NEW_CLAVE);
        submit();
        awaitUrl("/recuperar-clave/clave-actualizada");
        audit("clave updated");

        open("/ingreso", "sign-in");
        signIn("1704567898001", "Clave anterior de demostracion 2025");
        awaitThat(page -> !page.findElements(By.id("error-summary")).isEmpty());
        audit("sign-in refused");
        signIn("1704567898001", NEW_CLAVE);
        awaitUrl("/ingreso/bienvenido");
        audit("signed in");

        open("/recuperar-clave/no-llego-el-codigo", "no code arrived");
        open("/recuperar-clave/codigo-expirado", "code expired");
        open("/recuperar-clave/codigo-bloqueado", "code locked");
        open("/recuperar-clave/enlace-expirado", "link expired");
        open("/recuperar-clave/nueva-clave?token=no-such-token", "unknown link");
        open("/recuperar-clave/sesion-caducada", "session expired");
        open("/recuperar-clave/6f1c2a7e-0000-0000-0000-000000000000/codigo", "recovery not found");
        open("/recuperar-clave/no/such/page", "page not found (404)");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Esta página no existe");
        assertThat(driver.getTitle()).isEqualTo("Error: Esta página no existe · Clave de empleador · IESS");
        assertThat(driver.findElement(By.linkText("Ir al inicio")).getDomAttribute("href")).isEqualTo("/");
        open("/recuperar-clave/centros", "centres");
        open("/dev/mailbox", "dev mailbox");

        open("/?lang=en", "home (English)");
        open("/recuperar-clave", "recovery form (English, filled from this browser's last request)");
        PortalBrowserSupport.type(driver, "ruc", "");
        submit();
        awaitThat(page -> !page.findElements(By.id("error-summary")).isEmpty());
        audit("recovery form with errors (English)");
        open("/recuperar-clave/no-llego-el-codigo", "no code arrived (English)");
        open("/recuperar-clave/centros", "centres (English)");
        open("/recuperar-clave/no/such/page", "page not found (English)");
        driver.get(PORT.base() + "/?lang=es-EC");

        assertThat(audited).isGreaterThanOrEqualTo(30);
        assertThat(violations).as("axe-core violations on %d pages", audited).isEmpty();
    }

    /** The audit can fail: an image without a text alternative, added to a clean page, is reported. */
    @Test
    void theAuditReportsAViolationWhenThereIsOne() {
        open("/recuperar-clave/centros", "centres");
        assertThat(violations).isEmpty();

        browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/img/favicon.svg\">');");
        audit("centres with an image without alt");

        assertThat(violations).singleElement().asString().contains("image-alt").contains("img");
    }

    private void open(String path, String name) {
        browser.driver().get(PORT.base() + path);
        audit(name);
    }

    /** Runs axe-core on the page as it is now and keeps every violation, with the elements it found and the rule's help. */
    private void audit(String name) {
        Results results = new AxeBuilder().analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", name, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules axe-core checked on %s", name).isNotEmpty();
        audited++;
        for (Rule rule : results.getViolations()) {
            List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).toList();
            violations.add("%s (%s): %s [%s] %s, at %s".formatted(name, browser.driver().getCurrentUrl().replace(PORT.base(), ""),
                    rule.getId(), rule.getImpact(), rule.getHelp(), targets));
        }
    }

    private String codeFromTheMailbox() {
        WebDriver driver = browser.driver();
        String page = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String code = PortalBrowserSupport.codeIn(PortalBrowserSupport.awaitMail(driver, PORT.base(), PEREZ, "Código de verificación"));
        driver.close();
        driver.switchTo().window(page);
        return code;
    }

    private void signIn(String ruc, String clave) {
        PortalBrowserSupport.type(browser.driver(), "ruc", ruc);
        PortalBrowserSupport.type(browser.driver(), "sucursal", "0001");
        PortalBrowserSupport.type(browser.driver(), "password", clave);
        submit();
    }

    private void submit() {
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void awaitUrl(String ending) {
        awaitThat(page -> page.getCurrentUrl().endsWith(ending));
    }

    private void awaitThat(Predicate<WebDriver> condition) {
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> condition.test(browser.driver()));
    }
}
