package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ec.gob.iess.claveempleador.recovery.AssistedReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

class StaffTextsTest {

    private final Locale jvmDefault = Locale.getDefault();
    private StaffTexts texts;

    @BeforeEach
    void englishSpeakingServer() {
        // The server's own language must not leak into what staff read.
        Locale.setDefault(Locale.ENGLISH);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        texts = new StaffTexts(messages);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(jvmDefault);
    }

    @Test
    void theTaskIsNamedInSpanishAfterTheCaseTheEmployerAndTheReason() {
        assertThat(texts.text("staff.task.name", "CAU-2026-7KQ4M9XD", "Comercial Andina S.A.", "1790012344001",
                texts.label(AssistedReason.RUC_CLOSED)))
                .isEqualTo("CAU-2026-7KQ4M9XD · Comercial Andina S.A. · RUC 1790012344001 · RUC cerrado en el SRI");
    }

    @Test
    void whatToBringIsTheSameSentenceThePortalShows() {
        assertThat(texts.whatToBring(AssistedReason.WALK_IN)).isEqualTo("Cédula del representante legal y nombramiento vigente.");
    }

    @Test
    void everyRefusalOnApprovalIsOneSpanishSentence() {
        for (String check : new String[] {"identityNotVerified", "documentsNotChecked", "emailRequired", "emailInvalid", "emailMismatch"}) {
            String key = "staff.refusal.decision." + check;
            assertThat(texts.text(key)).as(key).startsWith("No se puede aprobar: ").endsWith(".");
        }
    }

    @Test
    void aMissingKeyFailsInsteadOfShowingStaffTheKey() {
        assertThatThrownBy(() -> texts.text("staff.task.noSuchText")).isInstanceOf(NoSuchMessageException.class);
    }
}
