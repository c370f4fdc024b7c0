package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.support.Browser;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The employer's journey in a real headless Chromium against the whole application: job executor on (mails
 * go out by themselves), embedded SMTP server, codes and links read from the dev mailbox page as a newcomer would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-browser;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
})
class RecoveryJourneyBrowserTest {

    private static final PortalBrowserSupport.ChosenPort PORT = new PortalBrowserSupport.ChosenPort();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @Value("${local.server.port}")
    int serverPort;

    /** The mailed link must point at this very server, so its port is chosen before it starts. */
    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", PORT::number);
        registry.add("clave.public-base-url", PORT::base);
    }

    @Test
    void employerRecoversTheClaveAndSignsInWithIt() {
        assertThat(serverPort).isEqualTo(PORT.number());
        WebDriver driver = browser.driver();
        String address = DemoEmployers.ANDINA.email();

        driver.get(PORT.base() + "/");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es-EC");
        browser.screenshots("journey-00-home");
        driver.findElement(By.linkText("Recuperar mi clave")).click();
        assertThat(driver.findElement(By.id("sucursal")).getDomProperty("value")).isEqualTo("0001");
        browser.screenshots("journey-01-form");
        PortalBrowserSupport.type(driver, "ruc", "1790012344001");
        PortalBrowserSupport.type(driver, "cedula", "1712345675");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/codigo"));
        String codePage = driver.getCurrentUrl();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ingrese el código de verificación");
        assertThat(driver.findElement(By.className("lead")).getText()).contains("t***@comercial-andina.example");
        assertThat(driver.findElement(By.cssSelector("[data-countdown]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[role=timer]")).getText()).matches("[0-3]:[0-5]\\d");
        browser.screenshots("journey-02-code");

        String mailbox = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String code = PortalBrowserSupport.codeIn(PortalBrowserSupport.awaitMail(driver, PORT.base(), address, "Código de verificación"));
        browser.screenshots("journey-03-mailbox-code");
        driver.close();
        driver.switchTo().window(mailbox);

        PortalBrowserSupport.type(driver, "code", wrong(code));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().equals(codePage)
                && !driver.findElements(By.id("error-summary")).isEmpty());
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        assertThat(driver.findElement(By.id("code-error")).getText()).isEqualTo("El código no es correcto. Le quedan 2 intentos.");
        browser.screenshots("journey-04-wrong-code");

        PortalBrowserSupport.type(driver, "code", code);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/revise-su-correo"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Revise su correo");
        browser.screenshots("journey-05-check-email");

        PortalBrowserSupport.awaitMail(driver, PORT.base(), address, "Recuperación de clave")
                .findElement(By.cssSelector(".mail__body a")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().contains("/recuperar-clave/nueva-clave?token="));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cree su nueva clave");
        assertThat(driver.findElement(By.id("policy")).getText()).contains("Al menos 15 caracteres");
        browser.screenshots("journey-06-new-clave");

        PortalBrowserSupport.type(driver, "newPassword", NEW_CLAVE);
        PortalBrowserSupport.type(driver, "confirmation", NEW_CLAVE + " y algo más");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> !driver.findElements(By.id("confirmation-error")).isEmpty());
        // Stopped in the browser before the round trip: the confirmation has the focus, the new clave is still typed.
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("confirmation");
        assertThat(driver.findElement(By.id("newPassword")).getDomProperty("value")).isEqualTo(NEW_CLAVE);
        browser.screenshots("journey-07-new-clave-mismatch");

        PortalBrowserSupport.type(driver, "confirmation", NEW_CLAVE);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/recuperar-clave/clave-actualizada"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Su clave fue actualizada");
        browser.screenshots("journey-08-done");

        driver.findElement(By.linkText("Ingresar con mi clave")).click();
        PortalBrowserSupport.type(driver, "ruc", "1790012344001");
        PortalBrowserSupport.type(driver, "sucursal", "0001");
        PortalBrowserSupport.type(driver, "password", NEW_CLAVE);
        browser.screenshots("journey-09-sign-in");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/ingreso/bienvenido"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ingreso correcto");
        browser.screenshots("journey-10-signed-in");
    }

    @Test
    void suspendedRucIsSentToACentreWithACaseNumber() {
        WebDriver driver = browser.driver();

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "0990123454001", "0001", "0922334453");

        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/atencion-asistida"));
        String assistedPage = driver.getCurrentUrl();
        String caseNumber = driver.findElement(By.id("case-number")).getText();
        assertThat(caseNumber).matches("CAU-\\d{4}-[2-9A-Z]{8}");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("El RUC está suspendido en el SRI.")
                .contains("certificado del RUC emitido por el SRI")
                .contains("Ver e imprimir mi caso");
        browser.screenshots("assisted-suspended-ruc");

        driver.get(assistedPage + "?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your case is handled at a Centro de Atención Universal");
        browser.screenshots("assisted-suspended-ruc-en");

        // The page's main action: the case sheet to print, reached through the look-up with the case number filled in.
        driver.get(assistedPage + "?lang=es-EC");
        driver.findElement(By.id("see-case")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> !driver.findElements(By.id("caseNumber")).isEmpty());
        assertThat(driver.findElement(By.id("caseNumber")).getDomProperty("value")).isEqualTo(caseNumber);
        PortalBrowserSupport.type(driver, "ruc", "0990123454001");
        PortalBrowserSupport.type(driver, "cedula", "0922334453");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/recuperar-clave/caso/estado"));
        assertThat(driver.findElement(By.id("case-number")).getText()).isEqualTo(caseNumber);
        assertThat(driver.findElement(By.id("case-status")).getText()).startsWith("Pendiente");
        driver.get(PORT.base() + "/?lang=es-EC");
    }

    @Test
    void invalidNumbersAreExplainedNextToTheirFields() {
        WebDriver driver = browser.driver();

        driver.get(PORT.base() + "/recuperar-clave");
        PortalBrowserSupport.type(driver, "ruc", "1712345670001");
        PortalBrowserSupport.type(driver, "cedula", "17123");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> !driver.findElements(By.id("error-summary")).isEmpty());
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        assertThat(driver.findElement(By.id("ruc-error")).getText()).startsWith("El RUC no es válido");
        assertThat(driver.findElement(By.id("cedula-error")).getText()).isEqualTo("La cédula debe tener exactamente 10 dígitos.");
        browser.screenshots("form-field-errors");
    }

    @Test
    void dataThatDoNotMatchGetOneNeutralPage() {
        WebDriver driver = browser.driver();

        PortalBrowserSupport.requestRecovery(driver, PORT.base(), "1790012344001", "0001", "1704567898");

        await().atMost(PortalBrowserSupport.PATIENCE).until(() -> driver.getCurrentUrl().endsWith("/recuperar-clave/datos-no-coinciden"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Los datos no coinciden");
        browser.screenshots("failure-data-mismatch");
    }

    @Test
    void failurePagesSayWhatToDoNext() {
        WebDriver driver = browser.driver();

        for (String page : new String[] {"no-llego-el-codigo", "codigo-bloqueado", "enlace-expirado"}) {
            driver.get(PORT.base() + "/recuperar-clave/" + page);
            assertThat(driver.findElement(By.linkText("Empezar de nuevo")).isDisplayed()).isTrue();
            browser.screenshots("failure-" + page);
        }
        driver.get(PORT.base() + "/recuperar-clave/nueva-clave?token=no-such-token&lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("The link is no longer valid");
        browser.screenshots("failure-unknown-link-en");
        driver.get(PORT.base() + "/?lang=es-EC");
        driver.get(PORT.base() + "/recuperar-clave/no/such/page");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Esta página no existe");
        assertThat(driver.findElement(By.linkText("Ir al inicio")).isDisplayed()).isTrue();
    }

    /** A code that is surely not the right one. */
    private static String wrong(String code) {
        String zeros = "0".repeat(OtpCode.LENGTH);
        return code.equals(zeros) ? "1".repeat(OtpCode.LENGTH) : zeros;
    }
}
