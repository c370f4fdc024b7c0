package ec.gob.iess.claveempleador.staff;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, in the startup failure report, why the application refused to start and what to set. */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<AdministratorRequired.NoAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdministratorRequired.NoAdministratorException cause) {
        return new FailureAnalysis(
                "The application has no Camunda administrator, so nobody could manage staff accounts or operate the "
                        + "engine, and Camunda's anonymous setup page is closed.",
                "Set CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD (camunda.bpm.admin-user.id / .password) "
                        + "for the first start; the administrator is created then and kept afterwards.",
                cause);
    }
}
