package ec.gob.iess.claveempleador.recovery;

import java.util.Locale;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Ecuador;

/** The languages the employer can read the service in; Spanish (Ecuador) unless English was asked for. */
public enum Language {
    SPANISH("es", Ecuador.SPANISH),
    ENGLISH("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The page's or the API call's locale: English only when its language is English, else Spanish. */
    public static Language of(Locale locale) {
        return locale != null && ENGLISH.tag.equals(locale.getLanguage()) ? ENGLISH : SPANISH;
    }

    /** A stored or carried tag; anything but a tag of ours is none. */
    public static Optional<Language> parse(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }
}
