package ec.gob.iess.claveempleador.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Protects the recovery secrets. Codes are kept as HMAC-SHA256 (a code of a few digits, see
 * {@link ec.gob.iess.claveempleador.recovery.OtpCode}, hashed without a key could be brute-forced from a database
 * copy), link tokens as SHA-256 (32 random bytes need no key).
 * Between issuing a secret and mailing it, the mail job needs the plaintext in another transaction:
 * it gets an AES-GCM sealed copy that is erased once the mail is sent.
 */
@Component
public class SecretCodec {

    private static final HexFormat HEX = HexFormat.of();
    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec macKey;
    private final SecretKeySpec sealKey;

    SecretCodec(SecurityProperties properties) {
        byte[] master = properties.hmacKey().getBytes(StandardCharsets.UTF_8);
        this.macKey = new SecretKeySpec(derive(master, "otp-hmac"), "HmacSHA256");
        this.sealKey = new SecretKeySpec(derive(master, "seal"), "AES");
    }

    public String hmac(String code) {
        return HEX.formatHex(mac(macKey, code.getBytes(StandardCharsets.UTF_8)));
    }

    public String sha256(String token) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison of two hex digests. */
    public boolean digestsMatch(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    public String seal(String plaintext) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a secret", e);
        }
    }

    public String unseal(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(GCM_TAG_BITS, bytes, 0, GCM_IV_BYTES));
            return new String(cipher.doFinal(bytes, GCM_IV_BYTES, bytes.length - GCM_IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not unseal a secret", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        return mac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
