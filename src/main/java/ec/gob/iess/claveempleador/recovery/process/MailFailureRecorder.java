package ec.gob.iess.claveempleador.recovery.process;

import java.util.Map;
import java.util.function.BiConsumer;

import ec.gob.iess.claveempleador.recovery.RecoveryNotifications;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Tells the recovery when a try at its code or link mail failed. The failed try's own transaction is rolled
 * back, so this happens where the engine records the failure and plans the next try (its failed-job command):
 * in the same transaction, the recovery reads RETRYING while tries are left and FAILED exactly when the job
 * becomes an incident.
 */
@Component
class MailFailureRecorder extends AbstractProcessEnginePlugin {

    private final Map<String, BiConsumer<String, Boolean>> mailTasks;

    MailFailureRecorder(RecoveryNotifications notifications) {
        this.mailTasks = Map.of(
                "ServiceTask_SendOtpMail", notifications::codeMailFailed,
                "ServiceTask_SendLinkMail", notifications::linkMailFailed);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory()
                : new DefaultFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> {
            Command<Object> retry = engineDefault.getCommand(jobId, failure);
            return commandContext -> {
                Object result = retry.execute(commandContext);
                record(commandContext, jobId);
                return result;
            };
        });
    }

    private void record(CommandContext commandContext, String jobId) {
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job == null || job.getProcessInstanceId() == null) {
            return;
        }
        BiConsumer<String, Boolean> mailFailed = mailTasks.get(job.getActivityId());
        if (mailFailed == null) {
            return;
        }
        ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(job.getProcessInstanceId());
        if (instance != null && instance.getBusinessKey() != null) {
            mailFailed.accept(instance.getBusinessKey(), job.getRetries() > 0);
        }
    }
}
