package ec.gob.iess.claveempleador.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void secondsAreRoundedUpAndNeverZero() {
        assertThat(Waits.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(Waits.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Waits.seconds(Duration.ofMillis(44_200))).isEqualTo(45);
        assertThat(Waits.seconds(Duration.ofSeconds(90))).isEqualTo(90);
    }

    @Test
    void minutesAreRoundedUpAndNeverZero() {
        assertThat(Waits.minutes(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(Waits.minutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(Waits.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(Waits.minutes(Duration.ofMinutes(3))).isEqualTo(3);
        assertThat(Waits.minutes(Duration.ofSeconds(180).plusMillis(1))).isEqualTo(4);
    }
}
