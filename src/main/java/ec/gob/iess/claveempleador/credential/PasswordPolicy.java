package ec.gob.iess.claveempleador.credential;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ec.gob.iess.claveempleador.employer.Employer;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Decides whether a proposed clave may be used: length in code points, guessability estimated by nbvcxz
 * (dictionaries, keyboard patterns, sequences, dates, leet), and nothing of the employer's own identity.
 */
@Component
public class PasswordPolicy {

    // Words of a company's legal form say nothing about the company.
    private static final Set<String> LEGAL_FORM_WORDS = Set.of("s.a.", "sa", "cia", "cía", "ltda", "ltda.", "cia.", "s.a.s", "sas", "ep");
    private static final int SHORTEST_NAME_WORD = 4;

    private final PasswordProperties properties;
    private final Nbvcxz estimator;

    PasswordPolicy(PasswordProperties properties) {
        this.properties = properties;
        this.estimator = new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(properties.minEntropy())
                .setMaxLength(properties.maxLength())
                .createConfiguration());
    }

    public int minLength() {
        return properties.minLength();
    }

    public int maxLength() {
        return properties.maxLength();
    }

    public List<PolicyViolation> check(String password, Employer employer) {
        List<PolicyViolation> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < properties.minLength()) {
            violations.add(PolicyViolation.TOO_SHORT);
        }
        if (length > properties.maxLength()) {
            violations.add(PolicyViolation.TOO_LONG);
            return violations;
        }
        if (containsIdentity(password, employer)) {
            violations.add(PolicyViolation.CONTAINS_IDENTITY);
        }
        if (!password.isEmpty() && !estimator.estimate(password).isMinimumEntropyMet()) {
            violations.add(PolicyViolation.TOO_GUESSABLE);
        }
        return violations;
    }

    private static boolean containsIdentity(String password, Employer employer) {
        String digits = password.replaceAll("\\D", "");
        String ruc = employer.key().ruc().toString();
        String cedula = employer.representative().toString();
        if (digits.contains(ruc.substring(0, 10)) || digits.contains(cedula)) {
            return true;
        }
        String text = fold(password).replaceAll("[^a-z0-9]", "");
        List<String> nameWords = Arrays.stream(fold(employer.name()).split("[^a-z0-9.]+"))
                .filter(word -> !word.isEmpty() && !LEGAL_FORM_WORDS.contains(word))
                .map(word -> word.replace(".", ""))
                .toList();
        if (text.contains(String.join("", nameWords))) {
            return true;
        }
        return nameWords.stream().filter(word -> word.length() >= SHORTEST_NAME_WORD).anyMatch(text::contains);
    }

    /** Lower case without accents: "Pacífico" and "pacifico" are the same word. */
    private static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
