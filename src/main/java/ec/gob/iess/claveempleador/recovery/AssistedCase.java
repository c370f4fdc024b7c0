package ec.gob.iess.claveempleador.recovery;

import java.time.Instant;

import ec.gob.iess.claveempleador.identity.EmployerKey;

/**
 * An assisted case as stored: its recovery's row (status, link window) and what the case adds (deadline,
 * decision, approval). Rows opened before cases were recorded have no deadline or approval.
 */
record AssistedCase(
        String recoveryId,
        String processInstanceId,
        EmployerKey employer,
        RecoveryStatus recoveryStatus,
        AssistedReason reason,
        String caseNumber,
        Instant linkExpiresAt,
        Instant deadline,
        Instant approvalExpiresAt,
        Integer linkResendsLeft,
        RejectionReason rejectionReason,
        String rejectionNotes) {

    /** The status as of {@code now}: a deadline or an approval ends to the second, whenever its timer fires. */
    CaseStatus statusAt(Instant now) {
        return switch (recoveryStatus) {
            case ASSISTED_PENDING -> deadline != null && !now.isBefore(deadline) ? CaseStatus.EXPIRED : CaseStatus.PENDING;
            case AWAITING_NEW_PASSWORD -> linkExpiresAt != null && now.isBefore(linkExpiresAt) ? CaseStatus.LINK_SENT : approved(now);
            case ASSISTED_APPROVED -> approved(now);
            case COMPLETED -> CaseStatus.COMPLETED;
            case ASSISTED_REJECTED -> CaseStatus.REJECTED;
            default -> CaseStatus.EXPIRED;
        };
    }

    private CaseStatus approved(Instant now) {
        return approvalExpiresAt != null && now.isBefore(approvalExpiresAt) ? CaseStatus.APPROVED : CaseStatus.EXPIRED;
    }

    /** The process waits for the employer's request, and the case still has new links to give. */
    boolean newLinkAvailable(Instant now) {
        return recoveryStatus == RecoveryStatus.ASSISTED_APPROVED && statusAt(now) == CaseStatus.APPROVED && newLinksLeft() > 0;
    }

    int newLinksLeft() {
        return linkResendsLeft == null ? 0 : linkResendsLeft;
    }

    /** The date the employer reads: the visit's deadline while pending, the approval's end while approved. */
    Instant deadlineAt(Instant now) {
        return switch (statusAt(now)) {
            case PENDING -> deadline;
            case APPROVED, LINK_SENT -> approvalExpiresAt;
            default -> null;
        };
    }
}
