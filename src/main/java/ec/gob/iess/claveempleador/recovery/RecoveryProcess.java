package ec.gob.iess.claveempleador.recovery;

/** The names the BPMN model and the code share: process key, variables, messages, errors. */
public final class RecoveryProcess {

    public static final String KEY = "employerPasswordRecovery";

    // Set when the recovery starts (API or the staff start form).
    public static final String RUC = "ruc";
    public static final String SUCURSAL = "sucursal";
    public static final String REPRESENTATIVE_ID = "representativeId";
    // The employer's language (Language tag), given by the service's own start only; staff starts cannot carry it.
    public static final String LANGUAGE = "language";

    // Set by the validation step (the channel from who started, never from a variable); what Tasklist shows about an assisted case.
    public static final String CHANNEL = "channel";
    public static final String DATA_MATCH = "dataMatch";
    public static final String ASSISTED = "assisted";
    public static final String ASSISTED_REASON = "assistedReason";
    public static final String ASSISTED_REASON_TEXT = "assistedReasonText";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String EMPLOYER_NAME = "employerName";
    public static final String MASKED_EMAIL = "maskedEmail";
    public static final String ASSISTED_DUE = "assistedDue";
    public static final String REQUIRES_EMAIL = "requiresEmail";
    public static final String WHAT_TO_BRING = "whatToBring";
    // The employer's recoveries and cases of the last 90 days, as a read-only Spanish table on the form (no secret, no address).
    public static final String EARLIER_CASES = "earlierCases";

    // Copies on the assisted-attention task itself (task-local), for the Tasklist filters' columns.
    public static final String TASK_CASE_NUMBER = "taskCaseNumber";
    public static final String TASK_RUC = "taskRuc";
    public static final String TASK_REASON = "taskReason";

    // The assisted-attention form's answers.
    public static final String IDENTITY_VERIFIED = "identityVerified";
    public static final String DOCUMENTS_CHECKED = "documentsChecked";
    public static final String VERIFIED_EMAIL = "verifiedEmail";
    public static final String DECISION = "decision";
    public static final String NOTES = "notes";
    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REJECT = "reject";
    public static final String VERIFIED_EMAIL_CONFIRMATION = "verifiedEmailConfirmation";
    public static final String REJECTION_REASON = "rejectionReason";

    // What the form says will happen, set when the task is created (masked address only).
    public static final String APPROVAL_PREVIEW = "approvalPreview";
    public static final String APPROVAL_PREVIEW_VERIFIED_EMAIL = "approvalPreviewVerifiedEmail";
    public static final String REJECTION_PREVIEW = "rejectionPreview";

    // Set by the code check.
    public static final String OTP_ACCEPTED = "otpAccepted";

    // Transient only: never stored, never in history.
    public static final String SUBMITTED_CODE = "submittedCode";
    public static final String NEW_PASSWORD_HASH = "newPasswordHash";

    public static final String MESSAGE_OTP_SUBMITTED = "OtpSubmitted";
    public static final String MESSAGE_NEW_PASSWORD_SUBMITTED = "NewPasswordSubmitted";
    public static final String MESSAGE_SUPERSEDED = "RecoverySuperseded";
    public static final String MESSAGE_NEW_LINK_REQUESTED = "NewLinkRequested";
    public static final String MESSAGE_OTP_RESEND_REQUESTED = "OtpResendRequested";

    public static final String ERROR_OTP_LOCKED = "OTP_LOCKED";
    public static final String ERROR_LINK_EXPIRED = "LINK_EXPIRED";

    private RecoveryProcess() {
    }
}
