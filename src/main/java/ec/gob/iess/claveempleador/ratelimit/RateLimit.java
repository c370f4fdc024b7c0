package ec.gob.iess.claveempleador.ratelimit;

/**
 * The limits the public surfaces apply. The subject of a {@code *_PER_EMPLOYER} limit is the employer key
 * (RUC + sucursal, whether or not such an employer exists); of a {@code *_PER_CLIENT} limit, the client address.
 */
public enum RateLimit {
    RECOVERY_START_PER_EMPLOYER,
    RECOVERY_START_PER_CLIENT,
    OTP_ATTEMPT_PER_CLIENT,
    LINK_LOOKUP_PER_CLIENT,
    SIGN_IN_PER_EMPLOYER,
    SIGN_IN_PER_CLIENT
}
