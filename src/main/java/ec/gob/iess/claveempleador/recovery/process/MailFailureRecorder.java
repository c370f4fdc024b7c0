package ec.gob.iess.claveempleador.recovery.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import ec.gob.iess.claveempleador.recovery.RecoveryNotifications;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
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
 * becomes an incident. A next try that would come too late for the window ({@link MailRetries#latestTry})
 * is not planned: the job becomes an incident at once, while the employer still has time to ask again.
 */
@Component
class MailFailureRecorder extends AbstractProcessEnginePlugin {

    private final Map<String, MailTask> mailTasks;

    MailFailureRecorder(RecoveryNotifications notifications, RecoverySteps steps, RecoveryProperties properties) {
        this.mailTasks = Map.of(
                "ServiceTask_SendOtpMail", new MailTask(properties.otpWindow(), steps::codeWindowEnd, notifications::codeMailFailed),
                "ServiceTask_SendLinkMail", new MailTask(properties.linkWindow(), steps::linkWindowEnd, notifications::linkMailFailed));
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
        MailTask task = job == null ? null : mailTasks.get(job.getActivityId());
        if (task == null || job.getProcessInstanceId() == null) {
            return;
        }
        ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(job.getProcessInstanceId());
        if (instance == null) {
            return;
        }
        String recoveryId = instance.getBusinessKey();
        // Every mail task issued its window first: no end means no recovery (e.g. an instance without one), nothing to record.
        Optional<Instant> closesAt = task.closesAt().apply(recoveryId);
        if (closesAt.isEmpty()) {
            return;
        }
        if (job.getRetries() > 0 && job.getDuedate() != null
                && job.getDuedate().toInstant().isAfter(MailRetries.latestTry(task.window(), closesAt.get()))) {
            job.setRetries(0);
        }
        task.failed().accept(recoveryId, job.getRetries() > 0);
    }

    private record MailTask(Duration window, Function<String, Optional<Instant>> closesAt, BiConsumer<String, Boolean> failed) {
    }
}
