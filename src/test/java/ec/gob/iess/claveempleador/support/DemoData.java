package ec.gob.iess.claveempleador.support;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the demo registry back as the default profile seeds it, with no recovery under way. */
public final class DemoData {

    public static final String OLD_CLAVE = "Clave anterior de demostracion 2025";
    // The Argon2id hash of OLD_CLAVE that db/demo/R__demo_employers.sql seeds.
    public static final String OLD_CLAVE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8";

    private DemoData() {
    }

    /**
     * Registers Comercial Andina ({@link DemoEmployers#ANDINA}) with the old clave in a database that has no demo data,
     * as the prod-profile tests need it; its mail goes to {@code email}.
     */
    public static void registerComercialAndina(JdbcClient jdbc, String email) {
        DemoEmployers.DemoEmployer andina = DemoEmployers.ANDINA;
        jdbc.sql("""
                INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE')""")
                .params(andina.ruc(), andina.sucursal(), andina.name(), andina.representativeId(), email).update();
        jdbc.sql("INSERT INTO credential (ruc, sucursal, password_hash, changed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                .params(andina.ruc(), andina.sucursal(), OLD_CLAVE_HASH).update();
    }

    public static void reset(RuntimeService runtime, JdbcClient jdbc) {
        var running = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "test reset", true, true);
        }
        jdbc.sql("DELETE FROM recovery").update();
        jdbc.sql("DELETE FROM rate_limit_counter").update();
        jdbc.sql("DELETE FROM sign_in_failure").update();
        jdbc.sql("UPDATE employer SET email = NULL WHERE ruc = ?").param(DemoEmployers.TEXTILES.ruc()).update();
        jdbc.sql("UPDATE credential SET password_hash = ?").param(OLD_CLAVE_HASH).update();
        jdbc.sql("DELETE FROM credential WHERE ruc = ?").param(DemoEmployers.GAD.ruc()).update();
    }
}
