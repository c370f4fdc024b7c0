package ec.gob.iess.claveempleador.recovery;

import java.time.Instant;

/** What the case use cases answer; the API and the pages turn these into responses. */
public final class CaseResults {

    private CaseResults() {
    }

    /**
     * An assisted case as its employer may see it. {@code deadline}: the date to visit a centre while pending, the
     * end of the approval while approved; {@code maskedEmail}: where links go, when an address is on record.
     */
    public record CaseView(String caseNumber, CaseStatus status, AssistedReason reason, Instant deadline,
                           RejectionReason rejectionReason, String rejectionNotes, boolean newLinkAvailable, int newLinksLeft,
                           String maskedEmail, Instant linkExpiresAt) {
    }

    public sealed interface NewLinkResult {
    }

    /** A new link was issued for the same case; its mail is on its way to {@code maskedEmail}. */
    public record NewLinkSent(String maskedEmail, Instant expiresAt) implements NewLinkResult {
    }

    /** No case with that number, RUC and cédula: one answer whichever did not match. */
    public record CaseNotFound() implements NewLinkResult {
    }

    public record NewLinkRefused(Refusal refusal, CaseView view) implements NewLinkResult {
    }

    /** Why a matching case gives no new link now, each with something the employer can do. */
    public enum Refusal {
        /** Not decided yet: visit a centre. */
        NOT_YET_APPROVED,
        /** The link mailed last is still valid: use it, or ask again once it expires. */
        LINK_STILL_VALID,
        /** Every new link the approval allows was used: visit a centre. */
        NO_NEW_LINKS_LEFT,
        /** Completed, rejected or expired: start a new request. */
        CASE_CLOSED
    }
}
