package ec.gob.iess.claveempleador.recovery;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The single-use token of the recovery link: 32 random bytes, base64url without padding (43 characters).
 * Only its SHA-256 is stored; the plaintext exists in the mail and in the employer's request.
 */
public final class LinkToken {

    private static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private LinkToken(String value) {
        this.value = value;
    }

    /** The token of a request, or empty when the text cannot be a token (then no link matches it). */
    public static Optional<LinkToken> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new LinkToken(text)) : Optional.empty();
    }

    public static LinkToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token as it goes into the link and into its digest. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** A token is a secret: it never reaches a log through {@code toString}. */
    @Override
    public String toString() {
        return "LinkToken[…]";
    }
}
