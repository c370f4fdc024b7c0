package ec.gob.iess.claveempleador.employer;

import java.util.Optional;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The employer registry, read over JDBC. */
@Repository
public class EmployerRegistry {

    private final JdbcClient jdbc;

    EmployerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Employer> find(EmployerKey key) {
        return jdbc.sql("""
                        SELECT ruc, sucursal, name, representative_id, email, ruc_status
                          FROM employer WHERE ruc = ? AND sucursal = ?""")
                .params(key.ruc().toString(), key.sucursal().toString())
                .query((rs, n) -> new Employer(
                        EmployerKey.of(rs.getString("ruc"), rs.getString("sucursal")),
                        rs.getString("name"),
                        Cedula.parse(rs.getString("representative_id")),
                        rs.getString("email"),
                        RucStatus.valueOf(rs.getString("ruc_status"))))
                .optional();
    }

    /** The employer, when the given cédula is that of its current legal representative. */
    public Optional<Employer> findMatching(EmployerKey key, String representativeId) {
        return find(key).filter(employer -> employer.representative().toString().equals(representativeId));
    }

    /** Records an address verified in person at a centre; it replaces whatever was registered. */
    public void registerVerifiedEmail(EmployerKey key, String email) {
        jdbc.sql("UPDATE employer SET email = ? WHERE ruc = ? AND sucursal = ?")
                .params(email, key.ruc().toString(), key.sucursal().toString())
                .update();
    }
}
