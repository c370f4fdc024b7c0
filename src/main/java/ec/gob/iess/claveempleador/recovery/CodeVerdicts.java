package ec.gob.iess.claveempleador.recovery;

import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands the verdict on a code from the step that decides it ({@link RecoverySteps#verifyOtp}, run inside the
 * message correlation) to the use case that asked ({@link RecoveryService#submitCode}), on the same thread and
 * in the same transaction: the answer is what the step decided, never worked out again from the row.
 * A check nobody waits for (e.g. a message correlated by an operator) is decided all the same, and not handed on.
 * Bound as a transaction resource rather than a process variable: a transient object variable needs a serializer.
 */
final class CodeVerdicts {

    /** What the step decided, and how many wrong codes the recovery still forgives. */
    record Verdict(OtpCheck check, int attemptsLeft) {
    }

    private record Key(String recoveryId) {
    }

    /** Where the verdict of one code arrives; closing it unbinds it, whatever became of the step. */
    static final class Awaited implements AutoCloseable {

        private final Key key;
        private Verdict verdict;

        private Awaited(Key key) {
            this.key = key;
        }

        Optional<Verdict> verdict() {
            return Optional.ofNullable(verdict);
        }

        @Override
        public void close() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    private CodeVerdicts() {
    }

    /** Before correlating the code: the step will leave its verdict here. */
    static Awaited await(String recoveryId) {
        Key key = new Key(recoveryId);
        // A failed earlier try of the same step on this thread may have left its slot: this try starts clean.
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        Awaited awaited = new Awaited(key);
        TransactionSynchronizationManager.bindResource(key, awaited);
        return awaited;
    }

    /** Called by the step once it decided. */
    static void hand(String recoveryId, OtpCheck check, int attemptsLeft) {
        if (TransactionSynchronizationManager.getResource(new Key(recoveryId)) instanceof Awaited awaited) {
            awaited.verdict = new Verdict(check, attemptsLeft);
        }
    }
}
