package ec.gob.iess.claveempleador.employer;

import java.util.Optional;
import java.util.regex.Pattern;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;

/** An employer (one sucursal of a RUC) as registered, with its legal representative and e-mail. */
public record Employer(EmployerKey key, String name, Cedula representative, String email, RucStatus rucStatus) {

    /**
     * A deliverable-looking address: something, {@code @}, a domain of non-empty labels with a dot, and a TLD of at
     * least two letters. Deliberately plain: the registry's addresses come from many old systems; anything else goes
     * to a centre. The Tasklist form checks a verified address with this same expression (forms/assisted-attention.form).
     */
    public static final String USABLE_EMAIL_REGEX = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[A-Za-z]{2,}$";
    private static final Pattern USABLE_EMAIL = Pattern.compile(USABLE_EMAIL_REGEX);

    /** The registered address when it can receive mail. */
    public Optional<String> usableEmail() {
        return Optional.ofNullable(email).filter(e -> USABLE_EMAIL.matcher(e).matches());
    }

    /** The address as it may be shown: first letter, then {@code ***}, then the domain. */
    public Optional<String> maskedEmail() {
        return usableEmail().map(Employer::mask);
    }

    public static String mask(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static boolean isUsableEmail(String email) {
        return email != null && USABLE_EMAIL.matcher(email).matches();
    }
}
