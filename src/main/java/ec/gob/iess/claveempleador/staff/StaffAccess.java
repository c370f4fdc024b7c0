package ec.gob.iess.claveempleador.staff;

import java.util.List;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What centre staff may do, and nothing more. Tasks are not in this list on purpose: the engine grants
 * READ and TASK_WORK on each assisted-attention task to its candidate group when the task is created
 * (`default-user-permission-name-for-task: TASK_WORK`), so staff see exactly the tasks offered to them
 * and cannot reassign, delete or edit them; the one holding a task may also release it ({@link TaskHolderGrants}).
 * The filters' READ grants are added with the filters' ids.
 */
final class StaffAccess {

    /** The candidate group of the assisted-attention task in the BPMN model. */
    static final String GROUP = "centro-atencion";
    static final String GROUP_NAME = "Centro de Atención Universal";

    static final String TASKLIST = "tasklist";

    /** One grant to the staff group. */
    record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    static final List<Grant> GRANTS = List.of(
            // Tasklist only: no Cockpit, no Admin, no Welcome app.
            new Grant(Resources.APPLICATION, TASKLIST, List.of(Permissions.ACCESS)),
            // Start the walk-in start form: read the definition (and its form), create its instances.
            new Grant(Resources.PROCESS_DEFINITION, RecoveryProcess.KEY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)),
            // CREATE on process instances cannot be narrowed to one definition: the id is not known before.
            new Grant(Resources.PROCESS_INSTANCE, "*", List.of(Permissions.CREATE)));

    private StaffAccess() {
    }
}
