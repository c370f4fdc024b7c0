package ec.gob.iess.claveempleador.recovery.process;

import java.util.Locale;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What staff read in Tasklist (task names, the form's variables, refusals on completion), taken from
 * {@code messages*.properties} and always in Spanish: the engine runs these steps outside any staff request, so
 * there is no language to follow. A missing key throws rather than showing staff a key.
 */
@Component
class StaffTexts {

    static final Locale STAFF_LOCALE = Ecuador.SPANISH;

    private final MessageSource messages;

    StaffTexts(MessageSource messages) {
        this.messages = messages;
    }

    String words(AssistedReason reason) {
        return text(reason.wordsKey());
    }

    /** The reason in a few words, for the task's name and the Tasklist column. */
    String label(AssistedReason reason) {
        return text(reason.labelKey());
    }

    String whatToBring(AssistedReason reason) {
        return text(reason.whatToBringKey());
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, STAFF_LOCALE);
    }
}
