package ec.gob.iess.claveempleador.recovery;

/**
 * Where the mail the employer is waiting for (the code, then the link) stands. The pages and the status API
 * show it, so that an employer is never told "it is on its way" about a mail that gave up.
 */
public enum MailDelivery {
    /** Issued; the mail job has not run yet. */
    PENDING,
    /** The mail server refused or did not answer; the job tries again, spread over the window. */
    RETRYING,
    SENT,
    /** Every try failed: an operator sees an incident; the employer is told to ask for a new code (or the centre). */
    FAILED
}
