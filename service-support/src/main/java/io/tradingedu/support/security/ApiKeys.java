package io.tradingedu.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The API key format: {@code te_} and 43 characters of base64url, the encoding of 32 random bytes. Only the SHA-256
 * of the whole key is stored: a key carries 256 bits of entropy, so there is nothing for a slow password hash to
 * protect against (no dictionary, no feasible brute force), and a fast hash keeps the check on every request cheap.
 * The first {@value #DISPLAY_PREFIX_LENGTH} characters are kept in clear so people can tell their keys apart.
 */
public final class ApiKeys {

    /** Every API key starts with this, which also tells it from the service token and from JWTs. */
    public static final String PREFIX = "te_";
    /** How many leading characters of a key are stored and shown. */
    public static final int DISPLAY_PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("te_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key from 32 bytes of {@link SecureRandom}. */
    public static String generate() {
        byte[] secret = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code token} has the form of an API key (it may still be unknown or revoked). */
    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The SHA-256 of the whole key, as stored in {@code access.api_key.token_hash}. */
    public static byte[] hash(String token) {
        return sha256(token);
    }

    /** What is shown of a key after it was created: {@code te_AbCdE}. */
    public static String displayPrefix(String token) {
        return token.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
