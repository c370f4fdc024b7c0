package ec.gob.iess.claveempleador.employer;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.DemoEmployers.DemoEmployer;

/**
 * Employers for unit tests (buckpal's test data builder): an active employer that can recover online unless the test
 * says otherwise, e.g. {@code anEmployer().withRucStatus(SUSPENDED).build()}.
 */
public final class EmployerTestData {

    private EmployerTestData() {
    }

    /** Comercial Andina, active, with its registered address. */
    public static EmployerBuilder anEmployer() {
        return anEmployerLike(DemoEmployers.ANDINA);
    }

    public static EmployerBuilder anEmployerLike(DemoEmployer demo) {
        return new EmployerBuilder(demo.key(), demo.name(), demo.representative(), demo.email(), RucStatus.ACTIVE);
    }

    public static final class EmployerBuilder {

        private final EmployerKey key;
        private final String name;
        private final Cedula representative;
        private final String email;
        private final RucStatus rucStatus;

        private EmployerBuilder(EmployerKey key, String name, Cedula representative, String email, RucStatus rucStatus) {
            this.key = key;
            this.name = name;
            this.representative = representative;
            this.email = email;
            this.rucStatus = rucStatus;
        }

        public EmployerBuilder withKey(String ruc, String sucursal) {
            return new EmployerBuilder(EmployerKey.of(ruc, sucursal), name, representative, email, rucStatus);
        }

        public EmployerBuilder withName(String name) {
            return new EmployerBuilder(key, name, representative, email, rucStatus);
        }

        public EmployerBuilder withRepresentative(String cedula) {
            return new EmployerBuilder(key, name, Cedula.parse(cedula), email, rucStatus);
        }

        public EmployerBuilder withEmail(String email) {
            return new EmployerBuilder(key, name, representative, email, rucStatus);
        }

        public EmployerBuilder withoutEmail() {
            return withEmail(null);
        }

        public EmployerBuilder withRucStatus(RucStatus rucStatus) {
            return new EmployerBuilder(key, name, representative, email, rucStatus);
        }

        public Employer build() {
            return new Employer(key, name, representative, email, rucStatus);
        }
    }
}
