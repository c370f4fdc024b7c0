package ec.gob.iess.claveempleador.staff;

import java.util.List;
import java.util.Map;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the staff group, the configured staff accounts, their grants and the Tasklist filters ("Atención
 * asistida", "Mis casos") when the engine starts. Every step looks first and only adds what is missing, so a
 * restart (or a second node) leaves the identity data as it is; an existing password is never reset. The
 * whole setup holds the engine's deployment lock, so nodes starting together on one database take turns
 * instead of both finding a filter missing and both creating it.
 */
@Component
class StaffSetup extends AbstractCamundaConfiguration {

    static final String FILTER_NAME = "Atención asistida";
    static final String MY_CASES_FILTER_NAME = "Mis casos";

    /** What identifies a case at the counter, as columns of both filters (task-local copies staff may read). */
    static final List<Map<String, String>> CASE_COLUMNS = List.of(
            Map.of("name", RecoveryProcess.TASK_CASE_NUMBER, "label", "Caso"),
            Map.of("name", RecoveryProcess.TASK_RUC, "label", "RUC"),
            Map.of("name", RecoveryProcess.TASK_REASON, "label", "Motivo"));

    private static final Logger log = LoggerFactory.getLogger(StaffSetup.class);

    private final StaffProperties properties;

    StaffSetup(StaffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            // Taken first, held to the commit; the service calls below join this command and its transaction.
            context.getPropertyManager().acquireExclusiveLock();
            setUp(engine);
            return null;
        });
    }

    private void setUp(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        ensureGroup(identity);
        properties.users().forEach(user -> ensureUser(identity, user));
        StaffAccess.GRANTS.forEach(grant -> ensureGrant(authorizations, grant.resource(), grant.resourceId(), grant.permissions()));
        FilterService filters = engine.getFilterService();
        TaskService tasks = engine.getTaskService();
        String queue = ensureFilter(filters, FILTER_NAME, "Casos de recuperación de clave que se atienden en persona", -10,
                tasks.createTaskQuery().taskCandidateGroup(StaffAccess.GROUP)
                        // A claimed case stays in the queue, so colleagues see who is attending it.
                        .includeAssignedTasks()
                        .orderByDueDate().asc());
        String mine = ensureFilter(filters, MY_CASES_FILTER_NAME, "Los casos que usted tomó o registró", -9,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensureGrant(authorizations, Resources.FILTER, queue, List.of(Permissions.READ));
        ensureGrant(authorizations, Resources.FILTER, mine, List.of(Permissions.READ));
    }

    private static void ensureGroup(IdentityService identity) {
        if (identity.createGroupQuery().groupId(StaffAccess.GROUP).count() == 0) {
            Group group = identity.newGroup(StaffAccess.GROUP);
            group.setName(StaffAccess.GROUP_NAME);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            log.info("Created staff group {}", StaffAccess.GROUP);
        }
    }

    private static void ensureUser(IdentityService identity, StaffProperties.StaffUser configured) {
        if (identity.createUserQuery().userId(configured.id()).count() == 0) {
            User user = identity.newUser(configured.id());
            user.setFirstName(configured.firstName());
            user.setLastName(configured.lastName());
            user.setEmail(configured.email());
            user.setPassword(configured.password());
            identity.saveUser(user);
            log.info("Created staff user {}", configured.id());
        }
        if (identity.createGroupQuery().groupMember(configured.id()).groupId(StaffAccess.GROUP).count() == 0) {
            identity.createMembership(configured.id(), StaffAccess.GROUP);
        }
    }

    private static void ensureGrant(AuthorizationService authorizations, Resource resource, String resourceId,
                                    List<Permission> permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(StaffAccess.GROUP)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing != null && permissions.stream().allMatch(existing::isPermissionGranted)) {
            return;
        }
        grant.setGroupId(StaffAccess.GROUP);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        permissions.forEach(grant::addPermission);
        authorizations.saveAuthorization(grant);
        log.info("Granted {} on {} {} to {}", permissions, resource.resourceName(), resourceId, StaffAccess.GROUP);
    }

    /** A staff filter by its name, created when missing and brought up to date otherwise; the nearest deadline first. */
    private static String ensureFilter(FilterService filters, String name, String description, int order, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
            log.info("Created Tasklist filter {}", name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "description", description,
                "priority", order,
                "color", "#0b5394",
                "refresh", true,
                "variables", CASE_COLUMNS));
        return filters.saveFilter(filter).getId();
    }
}
