package ec.gob.iess.claveempleador.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The recovery secrets: their digests, their comparison and the sealed copy the mail job reads. */
class SecretCodecTest {

    private final SecretCodec codec = new SecretCodec(new SecurityProperties("a test key of at least thirty-two characters"));
    private final SecretCodec otherKey = new SecretCodec(new SecurityProperties("another key of at least thirty-two characters"));

    @Test
    void aSealedSecretUnsealsToItselfLeadingZerosAndAccentsIncluded() {
        for (String secret : new String[] {"012345", "000000", "tortuga violeta cruza el puente del Guayas ñ", ""}) {
            assertThat(codec.unseal(codec.seal(secret))).isEqualTo(secret);
        }
    }

    @Test
    void theSameSecretSealsDifferentlyEachTimeAndNeverInPlaintext() {
        String first = codec.seal("012345");
        String second = codec.seal("012345");

        assertThat(first).isNotEqualTo(second).doesNotContain("012345");
        assertThat(new String(Base64.getDecoder().decode(first), StandardCharsets.ISO_8859_1)).doesNotContain("012345");
    }

    @Test
    void aTamperedSealedCopyIsRefused() {
        byte[] sealed = Base64.getDecoder().decode(codec.seal("012345"));
        for (int at : new int[] {0, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 1;
            String forged = Base64.getEncoder().encodeToString(tampered);

            assertThatThrownBy(() -> codec.unseal(forged)).as("a bit flipped at byte " + at)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCopySealedUnderAnotherKeyIsRefused() {
        String sealed = otherKey.seal("012345");

        assertThatThrownBy(() -> codec.unseal(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCodesDigestDependsOnTheKeyAndOnEveryDigitLeadingZerosIncluded() {
        assertThat(codec.hmac("012345")).isEqualTo(codec.hmac("012345")).hasSize(64).matches("[0-9a-f]+");
        assertThat(codec.hmac("012345")).isNotEqualTo(codec.hmac("12345")).isNotEqualTo(codec.hmac("012346"));
        assertThat(codec.hmac("012345")).isNotEqualTo(otherKey.hmac("012345"));
    }

    @Test
    void theTokensDigestIsPlainSha256() {
        assertThat(codec.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestsMatchOnlyWhenEqualInEveryCharacter() {
        String digest = codec.hmac("012345");
        String firstDiffers = (digest.charAt(0) == 'a' ? 'b' : 'a') + digest.substring(1);
        String lastDiffers = digest.substring(0, 63) + (digest.charAt(63) == 'a' ? 'b' : 'a');

        assertThat(codec.digestsMatch(digest, codec.hmac("012345"))).isTrue();
        assertThat(codec.digestsMatch(digest, firstDiffers)).isFalse();
        assertThat(codec.digestsMatch(digest, lastDiffers)).isFalse();
        assertThat(codec.digestsMatch(digest, digest.substring(0, 32))).as("a prefix").isFalse();
        assertThat(codec.digestsMatch(digest, digest + "0")).as("longer").isFalse();
        assertThat(codec.digestsMatch(digest, null)).isFalse();
        assertThat(codec.digestsMatch(null, digest)).isFalse();
    }
}
