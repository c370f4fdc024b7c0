package ec.gob.iess.claveempleador.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.MethodSource;

class LinkTokenTest {

    @Test
    void fortyThreeUrlSafeCharactersAreAToken() {
        assertThat(LinkToken.parse("Ab0_-".repeat(8) + "xyz")).isPresent();
    }

    @Test
    void aGeneratedTokenIs43UrlSafeCharactersAndParsesBack() {
        LinkToken token = LinkToken.generate(new SecureRandom());

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(LinkToken.parse(token.value())).hasValue(token);
    }

    @Test
    void twoGeneratedTokensDiffer() {
        SecureRandom random = new SecureRandom();

        assertThat(LinkToken.generate(random)).isNotEqualTo(LinkToken.generate(random));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("notTokens")
    void textThatCannotBeATokenIsNone(String text) {
        assertThat(LinkToken.parse(text)).isEmpty();
    }

    static Stream<String> notTokens() {
        String fortyTwo = "Ab0_-".repeat(8) + "xy";
        return Stream.of("not-a-token", " ".repeat(43), fortyTwo, fortyTwo + "zz", fortyTwo + "+", fortyTwo + "=", fortyTwo + " ",
                " " + fortyTwo);
    }

    @Test
    void aTokenNeverShowsItselfInALog() {
        LinkToken token = LinkToken.generate(new SecureRandom());

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
