package ec.gob.iess.claveempleador.recovery.process;

import java.util.Date;
import java.util.UUID;

import ec.gob.iess.claveempleador.recovery.Channel;
import ec.gob.iess.claveempleador.recovery.Intake;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Validar datos del empleador: matches the request against the registry and chooses the route. */
@Component("validateEmployerDelegate")
class ValidateEmployerDelegate implements JavaDelegate {

    private final RecoverySteps steps;
    private final StaffTexts texts;

    ValidateEmployerDelegate(RecoverySteps steps, StaffTexts texts) {
        this.steps = steps;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A walk-in registered from the staff start form has no business key yet: it gets its recovery id here.
        String recoveryId = execution.getProcessBusinessKey();
        if (recoveryId == null) {
            recoveryId = UUID.randomUUID().toString();
            execution.setProcessBusinessKey(recoveryId);
        }
        Channel channel = startedBy(execution);
        Intake intake = steps.validate(recoveryId, execution.getProcessInstanceId(),
                Variables.optionalString(execution, RecoveryProcess.RUC).orElse(null),
                Variables.optionalString(execution, RecoveryProcess.SUCURSAL).orElse(null),
                Variables.optionalString(execution, RecoveryProcess.REPRESENTATIVE_ID).orElse(null),
                channel, languageOf(execution, channel));
        if (intake instanceof Intake.Rejected && channel == Channel.CENTRE) {
            // Staff registering a walk-in must see the mismatch on the start form, with the employer in front of
            // them; an online request instead ends at "Validación rechazada" with one neutral answer.
            throw new StaffRefusalException("staff.refusal.WALK_IN_MISMATCH");
        }
        execution.setVariable(RecoveryProcess.CHANNEL, channel.name());
        execution.setVariable(RecoveryProcess.DATA_MATCH, !(intake instanceof Intake.Rejected));
        execution.setVariable(RecoveryProcess.ASSISTED, intake instanceof Intake.Assisted);
        if (intake instanceof Intake.Assisted assisted) {
            execution.setVariable(RecoveryProcess.CASE_NUMBER, assisted.caseNumber());
            execution.setVariable(RecoveryProcess.EMPLOYER_NAME, assisted.employerName());
            execution.setVariable(RecoveryProcess.ASSISTED_REASON, assisted.reason().name());
            // The form shows these texts as they are: Camunda Forms cannot read our message bundles.
            execution.setVariable(RecoveryProcess.ASSISTED_REASON_TEXT, texts.words(assisted.reason()));
            execution.setVariable(RecoveryProcess.MASKED_EMAIL, assisted.maskedEmail() == null ? texts.text("staff.task.noValidEmail") : assisted.maskedEmail());
            execution.setVariable(RecoveryProcess.REQUIRES_EMAIL, assisted.maskedEmail() == null);
            execution.setVariable(RecoveryProcess.WHAT_TO_BRING, texts.whatToBring(assisted.reason()));
            execution.setVariable(RecoveryProcess.ASSISTED_DUE, Date.from(assisted.deadline()));
        }
    }

    /** The online employer's language as the service's start gave it; a walk-in is served in Spanish at the centre. */
    private static Language languageOf(DelegateExecution execution, Channel channel) {
        if (channel != Channel.ONLINE) {
            return Language.SPANISH;
        }
        return Variables.optionalString(execution, RecoveryProcess.LANGUAGE).flatMap(Language::parse).orElse(Language.SPANISH);
    }

    /**
     * Who started decides the channel, never a variable: the service's own start runs without a Camunda
     * user; a start through Tasklist or the engine REST API carries the staff member who made it. This
     * step runs in the starting transaction (no async before it), so the starter is still the current user.
     */
    private static Channel startedBy(DelegateExecution execution) {
        return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? Channel.ONLINE
                : Channel.CENTRE;
    }
}
