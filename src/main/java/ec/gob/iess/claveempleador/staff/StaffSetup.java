package ec.gob.iess.claveempleador.staff;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the staff group, the configured staff accounts, their grants and the "Atención asistida"
 * Tasklist filter when the engine starts. Every step looks first and only adds what is missing, so a
 * restart (or a second node) leaves the identity data as it is; an existing password is never reset.
 */
@Component
class StaffSetup extends AbstractCamundaConfiguration {

    static final String FILTER_NAME = "Atención asistida";

    private static final Logger log = LoggerFactory.getLogger(StaffSetup.class);

    private final StaffProperties properties;

    StaffSetup(StaffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        ensureGroup(identity);
        properties.users().forEach(user -> ensureUser(identity, user));
        StaffAccess.GRANTS.forEach(grant -> ensureGrant(authorizations, grant.resource(), grant.resourceId(), grant.permissions()));
        String filterId = ensureFilter(engine.getFilterService(), engine.getTaskService().createTaskQuery());
        ensureGrant(authorizations, Resources.FILTER, filterId, List.of(Permissions.READ));
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

    /** The staff work queue: every open assisted-attention task of the group, the nearest deadline first. */
    private static String ensureFilter(FilterService filters, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(FILTER_NAME).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(FILTER_NAME);
            log.info("Created Tasklist filter {}", FILTER_NAME);
        }
        query.taskCandidateGroup(StaffAccess.GROUP)
                // A claimed case stays in the queue, so colleagues see who is attending it.
                .includeAssignedTasks()
                .orderByDueDate().asc();
        filter.setQuery(query);
        // No list variables: staff may read the variables of a task, not the process-wide variable query the list uses.
        filter.setProperties(Map.<String, Object>of(
                "description", "Casos de recuperación de clave que se atienden en persona",
                "priority", -10,
                "color", "#0b5394",
                "refresh", true));
        return filters.saveFilter(filter).getId();
    }
}
