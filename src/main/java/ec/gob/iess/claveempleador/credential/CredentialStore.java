package ec.gob.iess.claveempleador.credential;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The employers' claves, as Argon2id hashes only. */
@Repository
public class CredentialStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    CredentialStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(EmployerKey key) {
        return hashOf(key).isPresent();
    }

    Optional<String> hashOf(EmployerKey key) {
        return jdbc.sql("SELECT password_hash FROM credential WHERE ruc = ? AND sucursal = ?")
                .params(key.ruc().toString(), key.sucursal().toString())
                .query(String.class)
                .optional();
    }

    /** Sets the clave of an employer, whether it had one or not. */
    public void store(EmployerKey key, String passwordHash) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE credential SET password_hash = ?, changed_at = ? WHERE ruc = ? AND sucursal = ?")
                .params(passwordHash, now, key.ruc().toString(), key.sucursal().toString())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO credential (ruc, sucursal, password_hash, changed_at) VALUES (?, ?, ?, ?)")
                    .params(key.ruc().toString(), key.sucursal().toString(), passwordHash, now)
                    .update();
        }
    }
}
