package ec.gob.iess.claveempleador.recovery;

import java.util.Optional;

import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.RucStatus;

/** Why a recovery cannot finish online and goes to a Centro de Atención Universal. */
public enum AssistedReason {
    RUC_SUSPENDED("RUC suspendido en el SRI",
            "Cédula del representante legal, nombramiento vigente y certificado del RUC emitido por el SRI."),
    RUC_CLOSED("RUC cerrado en el SRI",
            "Cédula del representante legal, nombramiento vigente y certificado del RUC emitido por el SRI."),
    NO_VALID_EMAIL("sin correo válido",
            "Cédula del representante legal, nombramiento vigente y un correo electrónico al que tenga acceso."),
    FIRST_TIME_KEY("clave por primera vez",
            "Cédula del representante legal, nombramiento vigente y el RUC impreso."),
    WALK_IN("atención presencial",
            "Cédula del representante legal y nombramiento vigente.");

    // Staff read these in Tasklist (task names, the form); the pages use messages_*.properties instead.
    private final String words;
    private final String whatToBring;

    AssistedReason(String words, String whatToBring) {
        this.words = words;
        this.whatToBring = whatToBring;
    }

    public String words() {
        return words;
    }

    public String whatToBring() {
        return whatToBring;
    }

    public String messageKey() {
        return "assisted.reason." + name();
    }

    /** The first rule that keeps this employer from recovering online, if any. */
    public static Optional<AssistedReason> of(Employer employer, boolean hasClave) {
        if (employer.rucStatus() == RucStatus.SUSPENDED) {
            return Optional.of(RUC_SUSPENDED);
        }
        if (employer.rucStatus() == RucStatus.CLOSED) {
            return Optional.of(RUC_CLOSED);
        }
        if (employer.usableEmail().isEmpty()) {
            return Optional.of(NO_VALID_EMAIL);
        }
        if (!hasClave) {
            return Optional.of(FIRST_TIME_KEY);
        }
        return Optional.empty();
    }
}
