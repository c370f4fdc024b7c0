package ec.gob.iess.claveempleador.staff;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start an application that nobody can administer. Camunda's Admin app would otherwise offer
 * its setup page, where the first anonymous visitor creates an administrator of their choice; that page
 * is closed for good ({@link StaffSecurityConfiguration}), so the administrator must come from
 * configuration ({@code camunda.bpm.admin-user.*}, created by the starter when the engine is built,
 * before this check) or already exist in the database (a member of {@code camunda-admin}).
 */
@Component
class AdministratorRequired implements SmartInitializingSingleton {

    private final IdentityService identity;

    AdministratorRequired(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    void check() {
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            throw new NoAdministratorException();
        }
    }

    static final class NoAdministratorException extends IllegalStateException {

        NoAdministratorException() {
            super("No Camunda administrator: no user is a member of " + Groups.CAMUNDA_ADMIN
                    + " and camunda.bpm.admin-user.id is not set");
        }
    }
}
