package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailRetriesTest {

    private static final Pattern CYCLE = Pattern.compile("R(\\d+)/PT(\\d+)S");

    @ParameterizedTest
    @CsvSource({"PT3M, R11/PT15S", "PT20S, R19/PT1S", "PT1M, R11/PT5S", "PT10M, R29/PT20S"})
    void aWindowIsTriedEveryTwelfthOfItUpToTwentySeconds(Duration window, String cycle) {
        assertThat(MailRetries.within(window)).isEqualTo(cycle);
    }

    @Test
    void noTryIsPlannedLaterThanTwoIntervalsBeforeTheWindowCloses() {
        Instant closesAt = Instant.parse("2026-11-25T15:03:00Z");

        assertThat(MailRetries.latestTry(Duration.ofMinutes(3), closesAt)).isEqualTo(Instant.parse("2026-11-25T15:02:30Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT2S", "PT20S", "PT1M", "PT3M", "PT5M", "PT30M", "PT2H"})
    void theLastTryLeavesTheEmployerTimeToAskAgainAndNoTryIsMoreThanTwentySecondsAfterTheLast(String window) {
        Matcher cycle = CYCLE.matcher(MailRetries.within(Duration.parse(window)));
        assertThat(cycle.matches()).isTrue();
        long tries = Long.parseLong(cycle.group(1));
        long interval = Long.parseLong(cycle.group(2));

        assertThat(tries).isPositive();
        assertThat(interval).isBetween(1L, 20L);
        assertThat((tries - 1) * interval).as("last try, seconds into the window").isLessThanOrEqualTo(Duration.parse(window).toSeconds() - 2 * interval);
    }
}
