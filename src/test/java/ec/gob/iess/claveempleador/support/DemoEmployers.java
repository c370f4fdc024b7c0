package ec.gob.iess.claveempleador.support;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;

/**
 * The demo employers that {@code db/demo/R__demo_employers.sql} seeds in the default profile (README, "Demo data"),
 * named by what a test needs of them, so that a test says "Andina" instead of repeating its numbers.
 */
public final class DemoEmployers {

    /** Online recovery. */
    public static final DemoEmployer ANDINA = new DemoEmployer("1790012344001", "0001", "Comercial Andina S.A.",
            "1712345675", "talento.humano@comercial-andina.example");
    /** Online recovery: the same RUC and representative as {@link #ANDINA}, another sucursal and address. */
    public static final DemoEmployer ANDINA_GUAYAQUIL = new DemoEmployer("1790012344001", "0002",
            "Comercial Andina S.A. (Guayaquil)", "1712345675", "gye@comercial-andina.example");
    /** Online recovery, a natural person. */
    public static final DemoEmployer MARIA_PEREZ = new DemoEmployer("1704567898001", "0001", "María Fernanda Pérez",
            "1704567898", "mfperez@correo.example");
    /** Online recovery, a domestic-service employer: the cédula plus {@code 000} as RUC. */
    public static final DemoEmployer CEVALLOS = new DemoEmployer("0912345675000", "0001", "Jorge Luis Cevallos",
            "0912345675", "jlcevallos@correo.example");
    /** Assisted attention: RUC suspended in the SRI. */
    public static final DemoEmployer PESQUERA = new DemoEmployer("0990123454001", "0001", "Pesquera del Pacífico Cía. Ltda.",
            "0922334453", "rrhh@pesquera-pacifico.example");
    /** Assisted attention: RUC closed in the SRI. */
    public static final DemoEmployer CONSTRUCTORA = new DemoEmployer("1791112229001", "0001", "Constructora Los Andes S.A.",
            "1103456784", "admin@constructora-andes.example");
    /** Assisted attention: no valid e-mail on record ({@code email} is null). */
    public static final DemoEmployer TEXTILES = new DemoEmployer("1792223334001", "0001", "Textiles Imbabura S.A.",
            "1711223345", null);
    /** Assisted attention: the employer has never had a clave. */
    public static final DemoEmployer GAD = new DemoEmployer("1760012320001", "0001", "GAD Municipal de Ejemplo",
            "1700112236", "talento@gad-ejemplo.example");

    private DemoEmployers() {
    }

    /** One demo employer as the registry holds it; the numbers as the employer types them. */
    public record DemoEmployer(String ruc, String sucursal, String name, String representativeId, String email) {

        public EmployerKey key() {
            return EmployerKey.of(ruc, sucursal);
        }

        public Cedula representative() {
            return Cedula.parse(representativeId);
        }
    }
}
