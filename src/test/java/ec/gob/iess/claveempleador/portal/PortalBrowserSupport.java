package ec.gob.iess.claveempleador.portal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ec.gob.iess.claveempleador.recovery.OtpCode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What the portal's browser tests share: a port known before the application starts (the mailed link is
 * built on {@code clave.public-base-url}, which is read at startup) and reading the dev mailbox page.
 */
final class PortalBrowserSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(" + OtpCode.PATTERN + ")\\s*$");

    private PortalBrowserSupport() {
    }

    /**
     * The port of a browser test's server, chosen when its context starts rather than when the class loads: JUnit
     * loads every test class at discovery, minutes before a context starts, and by then another test's server may
     * listen on a port picked that early. The mailed links must name this port, so it cannot be Boot's random one.
     */
    static final class ChosenPort {

        private int number;

        synchronized int number() {
            if (number == 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    number = socket.getLocalPort();
                } catch (IOException e) {
                    throw new IllegalStateException("no free port", e);
                }
            }
            return number;
        }

        String base() {
            return "http://localhost:" + number();
        }
    }

    static void type(WebDriver driver, String field, String text) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Waits on the dev mailbox page (reloading it) for a mail to {@code address} whose subject starts so. */
    /** Fills the recovery form with an employer's three numbers and sends it, as the employer does. */
    static void requestRecovery(WebDriver driver, String base, String ruc, String sucursal, String cedula) {
        driver.get(base + "/recuperar-clave");
        type(driver, "ruc", ruc);
        type(driver, "sucursal", sucursal);
        type(driver, "cedula", cedula);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    static WebElement awaitMail(WebDriver driver, String base, String address, String subjectStart) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(base + "/dev/mailbox");
            return newestMail(driver, address, subjectStart);
        }, Optional::isPresent).orElseThrow();
    }

    static String codeIn(WebElement mail) {
        Matcher matcher = CODE.matcher(mail.findElement(By.className("mail__body")).getText());
        if (!matcher.find()) {
            throw new AssertionError("no code in the mail");
        }
        return matcher.group(1);
    }

    private static Optional<WebElement> newestMail(WebDriver driver, String address, String subjectStart) {
        List<WebElement> mails = driver.findElements(By.className("mail"));
        return mails.stream()
                .filter(mail -> mail.findElement(By.className("mail__to")).getText().equals(address))
                .filter(mail -> mail.findElement(By.className("mail__subject")).getText().startsWith(subjectStart))
                .findFirst();
    }
}
