package ec.gob.iess.claveempleador.recovery;

/** Centre staff tried to approve an assisted case that does not meet the conditions for approval. */
public class ApprovalRefusedException extends RuntimeException {

    public ApprovalRefusedException(String message) {
        super(message);
    }
}
