package ec.gob.iess.claveempleador.ratelimit;

/**
 * The limits the public surfaces apply ({@link ThrottlePolicy} says which guards which step). The subject of a
 * {@code *_PER_EMPLOYER} limit is the employer key (RUC + sucursal), of a {@code *_PER_CLIENT} limit the client
 * address, of a {@code *_GLOBAL} limit one subject for everybody.
 */
public enum RateLimit {
    RECOVERY_START_PER_EMPLOYER,
    RECOVERY_START_PER_CLIENT,
    RECOVERY_MISMATCH_GLOBAL,
    OTP_ATTEMPT_PER_CLIENT,
    LINK_LOOKUP_PER_CLIENT,
    SIGN_IN_PER_CLIENT,
    CASE_LOOKUP_PER_CLIENT,
    /** Not a fixed window: the growing wait of one employer and one client after failed sign-ins ({@link SignInDelays}). */
    SIGN_IN_DELAY;

    /** Counted by {@link RateLimiter} in fixed windows, with a {@link RateLimitProperties.Rule}. */
    boolean isFixedWindow() {
        return this != SIGN_IN_DELAY;
    }
}
