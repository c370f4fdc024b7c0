package ec.gob.iess.claveempleador.recovery;

import java.time.Instant;

/** What the validation step decided about a recovery request. */
public sealed interface Intake {

    String recoveryId();

    /** The data did not match the registry (or could not be read): one neutral answer whatever the cause. */
    record Rejected(String recoveryId) implements Intake {
    }

    record Online(String recoveryId, String maskedEmail) implements Intake {
    }

    record Assisted(String recoveryId, AssistedReason reason, String caseNumber, String employerName,
                    String maskedEmail, Instant deadline) implements Intake {
    }
}
