package io.tradingedu.api.dashboard;

import io.tradingedu.support.security.AccessProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to one media item's video. A {@code <video>} element fetches (and seeks by Range
 * requests) without any way to add an {@code Authorization} header, so the page asks for a link with its key and
 * hands the link to the player. A link names one item and an expiry, signed with HMAC-SHA256: it reads that item's
 * video until it expires and nothing else.
 */
@Component
class MediaLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = 16 + 8;

    private final SecretKeySpec key;
    private final DashboardProperties properties;
    private final Clock clock;

    MediaLinks(DashboardProperties properties, AccessProperties access, Clock clock) {
        this.key = new SecretKeySpec(secret(properties.mediaLinkSecret(), access.serviceToken()), ALGORITHM);
        this.properties = properties;
        this.clock = clock;
    }

    /** A link token for the item, valid for {@code dashboard.media-link-ttl} from now. */
    Signed sign(UUID mediaId) {
        Instant expires = clock.instant().plus(properties.mediaLinkTtl());
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(mediaId.getMostSignificantBits())
                .putLong(mediaId.getLeastSignificantBits()).putLong(expires.getEpochSecond());
        byte[] bytes = payload.array();
        return new Signed(ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes)), expires);
    }

    /** The item a token grants, when its signature holds and it has not expired. */
    Optional<UUID> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 200) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        UUID mediaId = new UUID(read.getLong(), read.getLong());
        return clock.instant().getEpochSecond() < read.getLong() ? Optional.of(mediaId) : Optional.empty();
    }

    record Signed(String token, Instant expiresAt) {
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The configured secret; else one derived from the service token, which every instance of the suite shares, so
     * a link made by one instance plays from another; else a random one (links then play from this instance only).
     */
    private static byte[] secret(String configured, String serviceToken) {
        if (!configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (serviceToken != null && !serviceToken.isEmpty()) {
            try {
                Mac derive = Mac.getInstance(ALGORITHM);
                derive.init(new SecretKeySpec(serviceToken.getBytes(StandardCharsets.UTF_8), ALGORITHM));
                // a key of its own: a link's signature reveals nothing usable as the service token
                return derive.doFinal("dashboard media links".getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
