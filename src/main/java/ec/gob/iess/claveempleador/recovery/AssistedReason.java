package ec.gob.iess.claveempleador.recovery;

import java.util.Optional;

import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.RucStatus;

/**
 * Why a recovery cannot finish online and goes to a Centro de Atención Universal. The words of each reason and
 * what the employer must bring live in {@code messages*.properties} only, under {@link #wordsKey()},
 * {@link #labelKey()} and {@link #whatToBringKey()}: pages, API answers and the staff's task all read them from there.
 */
public enum AssistedReason {
    RUC_SUSPENDED,
    RUC_CLOSED,
    NO_VALID_EMAIL,
    FIRST_TIME_KEY,
    WALK_IN;

    public String wordsKey() {
        return "assisted.reason." + name();
    }

    /** The reason in a few words, where staff scan a list (task names, Tasklist columns). */
    public String labelKey() {
        return "assisted.label." + name();
    }

    public String whatToBringKey() {
        return "assisted.bring." + name();
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
