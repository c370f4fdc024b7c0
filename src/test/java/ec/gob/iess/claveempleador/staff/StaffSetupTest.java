package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The staff identity data is created once and survives a restart unchanged. */
@StaffWebTest
class StaffSetupTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    StaffSetup setup;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    @Test
    void runningTheSetupAgainChangesNothing() {
        long users = identity.createUserQuery().count();
        long authorizationCount = authorizations.createAuthorizationQuery().count();
        String filterId = filters.createFilterQuery().filterName(StaffSetup.FILTER_NAME).singleResult().getId();
        String myCasesId = filters.createFilterQuery().filterName(StaffSetup.MY_CASES_FILTER_NAME).singleResult().getId();

        setup.postProcessEngineBuild(engine);

        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
        assertThat(filters.createFilterQuery().filterName(StaffSetup.FILTER_NAME).list()).extracting(Filter::getId).containsExactly(filterId);
        assertThat(filters.createFilterQuery().filterName(StaffSetup.MY_CASES_FILTER_NAME).list()).extracting(Filter::getId).containsExactly(myCasesId);
    }

    @Test
    void aMissingFilterComesBackAtTheNextStartWithItsGrant() {
        filters.deleteFilter(filters.createFilterQuery().filterName(StaffSetup.MY_CASES_FILTER_NAME).singleResult().getId());

        setup.postProcessEngineBuild(engine);

        Filter restored = filters.createFilterQuery().filterName(StaffSetup.MY_CASES_FILTER_NAME).singleResult();
        assertThat(authorizations.isUserAuthorized("agente", java.util.List.of(StaffAccess.GROUP), Permissions.READ, Resources.FILTER, restored.getId()))
                .isTrue();
    }

    @Test
    void myCasesOffersTheSignedInStaffMembersOwnTasksNearestDeadlineFirst() {
        Filter filter = filters.createFilterQuery().filterName(StaffSetup.MY_CASES_FILTER_NAME).singleResult();

        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getExpressions())
                .containsEntry("taskAssignee", "${currentUser()}");
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getOrderingProperties())
                .singleElement().satisfies(ordering -> assertThat(ordering.getQueryProperty().getName()).isEqualTo("DUE_DATE_"));
    }

    @Test
    void bothFiltersShowTheCaseNumberTheRucAndTheReasonAsColumns() {
        for (String name : java.util.List.of(StaffSetup.FILTER_NAME, StaffSetup.MY_CASES_FILTER_NAME)) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();

            java.util.List<?> columns = (java.util.List<?>) filter.getProperties().get("variables");

            assertThat(columns).as(name).extracting(column -> (Object) ((java.util.Map<?, ?>) column).get("label"))
                    .containsExactly("Caso", "RUC", "Motivo");
        }
    }

    @Test
    void aChangedPasswordIsNotResetAtStartup() {
        var agente = identity.createUserQuery().userId("agente").singleResult();
        agente.setPassword("una clave nueva del agente");
        identity.saveUser(agente);
        try {
            setup.postProcessEngineBuild(engine);

            assertThat(identity.checkPassword("agente", "una clave nueva del agente")).isTrue();
        } finally {
            agente.setPassword("agente");
            identity.saveUser(agente);
        }
    }

    @Test
    void theFilterOffersTheGroupsTasksNearestDeadlineFirstAndTheGroupMayReadIt() {
        Filter filter = filters.createFilterQuery().filterName(StaffSetup.FILTER_NAME).singleResult();
        TaskQuery query = filter.getQuery();

        assertThat(query).hasFieldOrPropertyWithValue("candidateGroup", StaffAccess.GROUP)
                .hasFieldOrPropertyWithValue("includeAssignedTasks", true);
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) query).getOrderingProperties())
                .singleElement().satisfies(ordering -> {
                    assertThat(ordering.getQueryProperty().getName()).isEqualTo("DUE_DATE_");
                    assertThat(ordering.getDirection().getName()).isEqualTo("asc");
                });
        assertThat(authorizations.isUserAuthorized("agente", java.util.List.of(StaffAccess.GROUP), Permissions.READ, Resources.FILTER, filter.getId()))
                .isTrue();
    }

    @Test
    void staffMayOpenTasklistOnly() {
        var groups = java.util.List.of(StaffAccess.GROUP);

        assertThat(authorizations.isUserAuthorized("agente", groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("agente", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("agente", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
        assertThat(authorizations.isUserAuthorized("agente", groups, Permissions.ACCESS, Resources.APPLICATION, "welcome")).isFalse();
    }
}
