package ec.gob.iess.claveempleador.credential;

import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks an employer's clave; re-hashes it when the hashing parameters have changed since it was set. */
@Service
public class SignInService {

    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    // Compared against when the employer has no clave, so that an unknown employer costs the same time.
    private final String decoyHash;

    SignInService(CredentialStore credentials, PasswordEncoder encoder) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.decoyHash = encoder.encode("decoy clave that matches nothing");
    }

    @Transactional
    public boolean signIn(EmployerKey key, String password) {
        // No stored clave holds a lone surrogate, and such a text cannot even be hashed to compare.
        if (!WellFormedText.Validator.isWellFormed(password)) {
            return false;
        }
        Optional<String> hash = credentials.hashOf(key);
        boolean matches = encoder.matches(password, hash.orElse(decoyHash));
        if (!matches || hash.isEmpty()) {
            return false;
        }
        if (encoder.upgradeEncoding(hash.get())) {
            credentials.store(key, encoder.encode(password));
        }
        return true;
    }

    /** Hashes a new clave; the plaintext goes no further than this. */
    public String hash(String password) {
        return encoder.encode(password);
    }
}
