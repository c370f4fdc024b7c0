package ec.gob.iess.claveempleador.recovery;

import java.time.Duration;
import java.time.Instant;

import ec.gob.iess.claveempleador.identity.EmployerKey;

/** One recovery request as stored: digests of its secrets, never the secrets. Only this feature reads it. */
record Recovery(
        String id,
        String processInstanceId,
        EmployerKey employer,
        Channel channel,
        RecoveryStatus status,
        AssistedReason assistedReason,
        String caseNumber,
        String maskedEmail,
        String otpHmac,
        String otpSealed,
        Instant otpExpiresAt,
        Integer otpAttemptsLeft,
        String linkTokenHash,
        String linkSealed,
        Instant linkExpiresAt,
        MailDelivery mailDelivery,
        Instant otpIssuedAt,
        int otpResends,
        Language language) {

    /**
     * The status as of {@code now}: the timer that ends a window may run seconds late, but the window
     * ends to the second of the stored expiry.
     */
    RecoveryStatus statusAt(Instant now) {
        if (status == RecoveryStatus.AWAITING_OTP && otpExpired(now)) {
            return RecoveryStatus.OTP_EXPIRED;
        }
        if (status == RecoveryStatus.AWAITING_NEW_PASSWORD && linkExpired(now)) {
            return RecoveryStatus.LINK_EXPIRED;
        }
        return status;
    }

    boolean otpExpired(Instant now) {
        return otpExpiresAt != null && !now.isBefore(otpExpiresAt);
    }

    boolean linkExpired(Instant now) {
        return linkExpiresAt != null && !now.isBefore(linkExpiresAt);
    }

    /**
     * When the current code was made. Rows from before the column existed had one code, issued a window before its
     * expiry.
     */
    Instant otpIssuedAt(Duration otpWindow) {
        return otpIssuedAt != null ? otpIssuedAt : otpExpiresAt.minus(otpWindow);
    }

    /** When the current step's window closes, if one is open. */
    Instant expiresAt() {
        return switch (status) {
            case AWAITING_OTP -> otpExpiresAt;
            case AWAITING_NEW_PASSWORD -> linkExpiresAt;
            default -> null;
        };
    }
}
