package ec.gob.iess.claveempleador.recovery;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A start or a decision that centre staff must correct (data that do not match, an approval without the checks):
 * the engine rolls the command back and the staff member reads one sentence saying what to do. The message is
 * the key of that sentence in messages*.properties; the code, in the range the engine keeps for its users'
 * exceptions, survives the engine's REST answer, where the staff API puts the sentence in place of engine text.
 * A bad request of the user's, for the engine too: it logs it at debug level, not as an error of its own.
 */
public class StaffRefusalException extends BadUserRequestException {

    /** Within the engine's custom range (20000-39999), which it passes through unchanged. */
    public static final int CODE = 22_000;

    public StaffRefusalException(String messageKey) {
        super(messageKey);
        setCode(CODE);
    }

    public String messageKey() {
        return getMessage();
    }
}
