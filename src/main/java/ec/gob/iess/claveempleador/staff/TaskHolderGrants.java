package ec.gob.iess.claveempleador.staff;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * Lets a staff member release a task she holds, and only that. Releasing (Tasklist's "Liberar") sets the
 * assignee to nobody, which the engine allows only with TASK_ASSIGN; the group has TASK_WORK alone, so that
 * nobody takes a colleague's case away. The engine's default provider grants the assignee the task's default
 * permission when she claims it; this one adds TASK_ASSIGN to that grant and takes it back from whoever
 * stops holding the task (released, reassigned by an administrator), so it never outlives the holding.
 */
@Component
class TaskHolderGrants extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setResourceAuthorizationProvider(new HolderMayRelease());
    }

    static final class HolderMayRelease extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            List<AuthorizationEntity> changed = new ArrayList<>();
            if (oldAssignee != null) {
                AuthorizationEntity held = getGrantAuthorizationByUserId(oldAssignee, Resources.TASK, task.getId());
                if (held != null && held.isPermissionGranted(Permissions.TASK_ASSIGN)) {
                    held.removePermission(Permissions.TASK_ASSIGN);
                    changed.add(held);
                }
            }
            AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
            if (granted != null) {
                for (AuthorizationEntity grant : granted) {
                    if (grant.getResourceType() == Resources.TASK.resourceType()) {
                        grant.addPermission(Permissions.TASK_ASSIGN);
                    }
                    changed.add(grant);
                }
            }
            return changed.isEmpty() ? null : changed.toArray(new AuthorizationEntity[0]);
        }
    }
}
