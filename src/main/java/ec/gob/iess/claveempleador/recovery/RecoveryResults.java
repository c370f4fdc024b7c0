package ec.gob.iess.claveempleador.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.identity.EmployerKey;

/** What the recovery use cases answer; the API and the pages turn these into responses. */
public final class RecoveryResults {

    private RecoveryResults() {
    }

    public sealed interface StartResult {
    }

    public record DataMismatch() implements StartResult {
    }

    public record AwaitingOtp(String recoveryId, String maskedEmail, Instant expiresAt) implements StartResult {
    }

    public record AssistedPending(String recoveryId, AssistedReason reason, String caseNumber) implements StartResult {
    }

    public sealed interface CodeResult {
    }

    public record CodeAccepted(String recoveryId, Instant linkExpiresAt) implements CodeResult {
    }

    public record CodeInvalid(int attemptsLeft) implements CodeResult {
    }

    public record CodeExpired() implements CodeResult {
    }

    /** The recovery's code was already accepted (by this client or another): the link is on its way. */
    public record CodeAlreadyUsed() implements CodeResult {
    }

    public record CodeLocked() implements CodeResult {
    }

    /** A newer request of the same employer replaced this recovery: its code no longer counts, and no attempt was spent. */
    public record CodeSuperseded() implements CodeResult {
    }

    public record RecoveryNotFound() implements CodeResult, ResendResult {
    }

    /** What asking for a new code in the same recovery answers. */
    public sealed interface ResendResult {
    }

    /** A new code replaced the old one: a new window, a new wrong-code count. */
    public record CodeResent(Instant expiresAt, Instant resendAvailableAt, int resendsLeft) implements ResendResult {
    }

    /** Asked before the wait since the last code was over ({@code retryAfter} is what is left of it); the current code still works. */
    public record ResendTooSoon(Instant resendAvailableAt, Duration retryAfter) implements ResendResult {
    }

    /** All {@code maxResends} new codes this recovery allows were sent; the current code still works until {@code codeExpiresAt}. */
    public record ResendsUsedUp(Instant codeExpiresAt, int maxResends) implements ResendResult {
    }

    /** The recovery waits for no code any more; {@code status} says why (expired, locked, replaced, accepted...). */
    public record CodeNotAwaited(RecoveryStatus status) implements ResendResult {
    }

    /** While a recovery waits for its code: when a new one may be asked for, and how many are left. */
    public record ResendOffer(Instant availableAt, int resendsLeft) {
    }

    public sealed interface LinkState {
    }

    /** An open link as one request looked it up: the recovery it belongs to and what its page shows. */
    public record LinkOpen(String recoveryId, EmployerKey employer, String employerName, Instant expiresAt) implements LinkState {
    }

    public record LinkExpired(boolean used) implements LinkState, PasswordResult {
    }

    public record LinkInvalid() implements LinkState, PasswordResult {
    }

    public sealed interface PasswordResult {
    }

    public record PasswordChanged() implements PasswordResult {
    }

    public record PasswordMismatch() implements PasswordResult {
    }

    public record PasswordRefused(List<PolicyViolation> violations) implements PasswordResult {
    }

    /**
     * A recovery as the employer may see it. {@code mailDelivery} is that of the mail awaited now (the code or
     * the link), null when none is.
     */
    public record RecoveryView(String recoveryId, RecoveryStatus status, Instant expiresAt, Integer attemptsLeft,
                               String maskedEmail, AssistedReason assistedReason, String caseNumber, MailDelivery mailDelivery) {

        /** A recovery that awaits no mail. */
        public RecoveryView(String recoveryId, RecoveryStatus status, Instant expiresAt, Integer attemptsLeft,
                            String maskedEmail, AssistedReason assistedReason, String caseNumber) {
            this(recoveryId, status, expiresAt, attemptsLeft, maskedEmail, assistedReason, caseNumber, null);
        }

        /** An approved assisted case: its link failing sends the employer to the centre, not to a new code. */
        public boolean assisted() {
            return caseNumber != null;
        }
    }
}
