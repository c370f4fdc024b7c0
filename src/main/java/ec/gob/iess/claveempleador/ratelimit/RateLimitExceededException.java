package ec.gob.iess.claveempleador.ratelimit;

import java.time.Duration;

import ec.gob.iess.claveempleador.config.Waits;

/** The subject used up its calls for the current window; it may call again after {@link #retryAfter()}. */
public class RateLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RateLimit limit;
    private final Duration retryAfter;

    public RateLimitExceededException(RateLimit limit, Duration retryAfter) {
        // The subject (an address, an employer key) stays out of the message: messages end up in logs.
        super("Rate limit " + limit + " exceeded");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public RateLimit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least one: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Waits.seconds(retryAfter);
    }
}
