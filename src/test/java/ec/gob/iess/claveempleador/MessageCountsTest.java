package ec.gob.iess.claveempleador;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every count the employer reads (pages, mails, problem details) agrees with its number: "1 minuto", "3 minutos",
 * "1 intento", never "1 minutos" nor "minuto(s)". Each message of every bundle is formatted with 1 and with 3 in
 * every argument, as the application formats it.
 */
class MessageCountsTest {

    private static final List<String> BUNDLES = List.of("messages", "i18n/portal", "i18n/api");
    private static final Locale SPANISH = Locale.forLanguageTag("es-EC");
    private static final Pattern ONE_WITH_A_PLURAL = Pattern.compile(
            "\\b1 (minutos|segundos|intentos|días|veces|minutes|seconds|attempts|days|times)\\b|quedan 1\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SEVERAL_WITH_A_SINGULAR = Pattern.compile(
            "\\b3 (minuto|segundo|intento|día|vez|minute|second|attempt|day|time)\\b|queda 3\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private final ResourceBundleMessageSource messages = messages();

    @ParameterizedTest
    @ValueSource(strings = {"es-EC", "en"})
    void noMessageSaysOneWithAPluralOrSeveralWithASingular(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        for (String key : keys()) {
            String withOne = messages.getMessage(key, new Object[] {1, 1, 1, 1}, locale);
            String withThree = messages.getMessage(key, new Object[] {3, 3, 3, 3}, locale);
            assertThat(withOne).as(key).doesNotContainPattern(ONE_WITH_A_PLURAL).doesNotContain("(s)");
            assertThat(withThree).as(key).doesNotContainPattern(SEVERAL_WITH_A_SINGULAR).doesNotContain("(s)");
        }
    }

    @Test
    void theMailsStateTheWindowInWordsThatAgree() {
        assertThat(messages.getMessage("mail.code.validity", new Object[] {1, "10:03:00"}, SPANISH))
                .startsWith("El código es válido por 1 minuto (hasta las 10:03:00");
        assertThat(messages.getMessage("mail.link.validity", new Object[] {3, "10:03:00"}, SPANISH))
                .startsWith("El enlace es válido por 3 minutos (hasta las 10:03:00");
        assertThat(messages.getMessage("mail.code.validity", new Object[] {1, "10:03:00"}, Locale.ENGLISH))
                .startsWith("The code is valid for 1 minute (until 10:03:00");
    }

    @Test
    void problemDetailsCountAttemptsAndMinutesInWordsThatAgree() {
        assertThat(messages.getMessage("api.problem.OTP_INVALID", new Object[] {1}, SPANISH)).endsWith("Le queda 1 intento.");
        assertThat(messages.getMessage("api.problem.OTP_INVALID", new Object[] {2}, SPANISH)).endsWith("Le quedan 2 intentos.");
        assertThat(messages.getMessage("api.problem.RATE_LIMITED", new Object[] {1}, SPANISH)).endsWith("en 1 minuto.");
        assertThat(messages.getMessage("api.problem.RATE_LIMITED", new Object[] {13}, Locale.ENGLISH)).endsWith("in 13 minutes.");
    }

    @Test
    void pagesCountDaysAndTimesInWordsThatAgree() {
        assertThat(messages.getMessage("portal.assisted.deadline", new Object[] {1}, SPANISH)).startsWith("Tiene 1 día para acudir");
        assertThat(messages.getMessage("portal.codeLocked.lead", new Object[] {1}, SPANISH)).startsWith("Se ingresó un código incorrecto 1 vez");
        assertThat(messages.getMessage("portal.codeLocked.lead", new Object[] {1}, Locale.ENGLISH)).startsWith("A wrong code was entered once");
        assertThat(messages.getMessage("portal.tooMany.wait", new Object[] {13}, SPANISH)).isEqualTo("Espere 13 minutos y vuelva a intentar.");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BUNDLES.toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static List<String> keys() throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            try (InputStream in = MessageCountsTest.class.getClassLoader().getResourceAsStream(bundle + ".properties")) {
                all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all.stringPropertyNames().stream().sorted().toList();
    }
}
