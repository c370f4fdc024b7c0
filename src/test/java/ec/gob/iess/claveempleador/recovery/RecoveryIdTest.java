package ec.gob.iess.claveempleador.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryIdTest {

    private static final String ID = "6f1c2a7e-4b1d-4c3a-9a55-0d9d7f2b8e11";

    @Test
    void anIdInAnyLetterCaseIsTheSameRecoveryAsStored() {
        assertThat(RecoveryId.parse(ID.toUpperCase())).hasValue(new RecoveryId(ID));
        assertThat(RecoveryId.parse(ID.toUpperCase()).orElseThrow().value()).isEqualTo(ID);
        assertThat(new RecoveryId(ID)).hasToString(ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1-1-1-1-1", "6f1c2a7e-4b1d-4c3a-9a55-0d9d7f2b8e1", "6f1c2a7e4b1d4c3a9a550d9d7f2b8e11",
            "6f1c2a7e-4b1d-4c3a-9a55-0d9d7f2b8e1g", " 6f1c2a7e-4b1d-4c3a-9a55-0d9d7f2b8e11", "../../etc/passwd"})
    void textThatCannotBeARecoveryIdIsNone(String text) {
        assertThat(RecoveryId.parse(text)).isEmpty();
    }

    @Test
    void constructingFromTextThatIsNoIdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecoveryId("1-1-1-1-1"));
    }
}
