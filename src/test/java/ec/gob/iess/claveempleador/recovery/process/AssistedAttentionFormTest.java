package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Tasklist form and the server apply the same rules: one e-mail rule, one list of rejection reasons. */
class AssistedAttentionFormTest {

    private static JsonNode form;

    @BeforeAll
    static void readTheForm() throws IOException {
        try (InputStream in = AssistedAttentionFormTest.class.getResourceAsStream("/forms/assisted-attention.form")) {
            form = new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode field(String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no field " + key);
    }

    @Test
    void bothVerifiedEmailFieldsCheckTheServersOwnRule() {
        assertThat(field(RecoveryProcess.VERIFIED_EMAIL).path("validate").path("pattern").asText()).isEqualTo(Employer.USABLE_EMAIL_REGEX);
        assertThat(field(RecoveryProcess.VERIFIED_EMAIL_CONFIRMATION).path("validate").path("pattern").asText())
                .isEqualTo(Employer.USABLE_EMAIL_REGEX);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "gerencia@textiles-imbabura.example, true",
            "g.ruiz@correo.gob.ec, true",
            "gerencia@textiles, false",
            "gerencia@textiles., false",
            "gerencia@.ec, false",
            "gerencia@textiles..ec, false",
            "gerencia@textiles.e, false",
            "gerencia@textiles.ec1, false",
            "ger encia@textiles.ec, false",
            "@textiles.ec, false"
    })
    void theRuleWantsADomainWithADotAndALettersTld(String address, boolean usable) {
        assertThat(Employer.isUsableEmail(address)).isEqualTo(usable);
        // The form's browser-side regex (JavaScript) reads the same expression the same way for these.
        assertThat(Pattern.compile(Employer.USABLE_EMAIL_REGEX).matcher(address).find()).isEqualTo(usable);
    }

    @Test
    void theRejectionReasonsOfTheFormAreTheServersList() {
        List<String> offered = form.findValues("values").stream()
                .flatMap(values -> java.util.stream.StreamSupport.stream(values.spliterator(), false))
                .map(value -> value.path("value").asText())
                .toList();

        assertThat(offered).containsExactlyElementsOf(Arrays.stream(RejectionReason.values()).map(Enum::name).toList());
        assertThat(field(RecoveryProcess.REJECTION_REASON).path("validate").path("required").asBoolean()).isTrue();
    }

    @Test
    void theFormSaysWhatWillHappenFromTheVariablesTheTaskListenerSets() {
        assertThat(form.toString()).contains("{{" + RecoveryProcess.APPROVAL_PREVIEW + "}}",
                "{{" + RecoveryProcess.APPROVAL_PREVIEW_VERIFIED_EMAIL + "}}", "{{" + RecoveryProcess.REJECTION_PREVIEW + "}}");
    }
}
