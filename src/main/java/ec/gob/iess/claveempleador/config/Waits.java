package ec.gob.iess.claveempleador.config;

import java.time.Duration;

/** A window or a wait as the employer reads it, and as a {@code Retry-After} header states it. */
public final class Waits {

    private Waits() {
    }

    /** Whole seconds, rounded up, at least one: waiting less than asked would only be refused again. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /** Whole minutes, rounded up, at least one: "válido 1 minuto", never "0 minutos". */
    public static long minutes(Duration wait) {
        return (seconds(wait) + 59) / 60;
    }
}
