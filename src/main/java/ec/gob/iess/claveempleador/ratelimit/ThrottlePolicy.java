package ec.gob.iess.claveempleador.ratelimit;

import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.stereotype.Component;

/**
 * Which limit guards which step, for the API and the pages alike: the one place these rules are written.
 * The rule behind them: nobody but the employer can stop the employer. A stranger who knows a public RUC can
 * spend only his own allowance (per client) and a shared one (global), never the employer's.
 * Every {@code before…} method throws {@link RateLimitExceededException} when the step must wait.
 */
@Component
public class ThrottlePolicy {

    /** The subject of the limits that count everybody together. */
    static final String EVERYBODY = "*";

    private final RateLimiter limiter;
    private final SignInDelays signInDelays;
    private final EmployerRegistry registry;

    ThrottlePolicy(RateLimiter limiter, SignInDelays signInDelays, EmployerRegistry registry) {
        this.limiter = limiter;
        this.signInDelays = signInDelays;
        this.registry = registry;
    }

    /**
     * A recovery start counts against the client. Only data that match the registry count against the employer:
     * a mismatch counts against the global mismatch budget instead, which keeps the registry from being enumerated
     * at scale. Either way a mismatch costs one registry read and one counter, whether or not the RUC exists.
     */
    public void beforeRecoveryStart(EmployerKey employer, Cedula representative, String client) {
        limiter.check(RateLimit.RECOVERY_START_PER_CLIENT, client);
        if (registry.findMatching(employer, representative.toString()).isPresent()) {
            limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, employer.toString());
        } else {
            limiter.check(RateLimit.RECOVERY_MISMATCH_GLOBAL, EVERYBODY);
        }
    }

    /** Code attempts count against the client (each recovery also locks itself after its wrong codes). */
    public void beforeCodeAttempt(String client) {
        limiter.check(RateLimit.OTP_ATTEMPT_PER_CLIENT, client);
    }

    /** Asking for a new code counts against the client with the code attempts: one budget for everything one code page does. */
    public void beforeCodeResend(String client) {
        limiter.check(RateLimit.OTP_ATTEMPT_PER_CLIENT, client);
    }

    /** Link-token look-ups (opening the link page, submitting the new clave) count against the client. */
    public void beforeLinkLookup(String client) {
        limiter.check(RateLimit.LINK_LOOKUP_PER_CLIENT, client);
    }

    /**
     * Case look-ups and new-link requests count against the client, matched or not: each answer tells whether a case
     * number, RUC and cédula belong together, so a guesser spends his own allowance. The employer's case is not
     * stopped by anyone else's guesses, and its new links are bounded by the case itself.
     */
    public void beforeCaseLookup(String client) {
        limiter.check(RateLimit.CASE_LOOKUP_PER_CLIENT, client);
    }

    /**
     * A sign-in counts against the client, and waits out the delay that this client's earlier failures for this
     * employer call for. There is no per-employer ceiling: any count per employer that refuses can be filled by
     * strangers from enough addresses, and then it locks the employer out. A distributed guesser is held back by
     * the per-pair delays, the per-client limit, Argon2id's cost and the clave policy instead.
     * Every call must be followed by {@link #afterSignIn}.
     */
    public void beforeSignIn(EmployerKey employer, String client) {
        limiter.check(RateLimit.SIGN_IN_PER_CLIENT, client);
        signInDelays.claimAttempt(employer, client);
    }

    /** A failure makes this client wait longer before its next try for this employer; a success clears its failures. */
    public void afterSignIn(EmployerKey employer, String client, boolean succeeded) {
        if (succeeded) {
            signInDelays.forgetPair(employer, client);
        } else {
            signInDelays.recordFailure(employer, client);
        }
    }

    /** The employer set a new clave: failed sign-ins against the old one slow nobody any more. */
    public void afterClaveReset(EmployerKey employer) {
        signInDelays.forgetEmployer(employer);
    }
}
