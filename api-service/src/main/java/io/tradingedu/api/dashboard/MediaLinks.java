package io.tradingedu.api.dashboard;

import io.tradingedu.support.security.AccessProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to one media item's files. A {@code <video>} or {@code <img>} element, or a download
 * link, fetches without any way to add an {@code Authorization} header, so the page asks for a link with its key and
 * hands the link to the element. A link names what it grants ({@link Grant}: the video, the frame images or the
 * clip downloads), one item and an expiry, signed with HMAC-SHA256: it reads that kind of file of that item until it
 * expires and nothing else, so a frame link cannot play the video and a video link cannot download a clip.
 */
@Component
class MediaLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    /** What a link grants, first byte of its payload; the codes are part of every link made, never renumber. */
    enum Grant {
        VIDEO((byte) 'v'), FRAMES((byte) 'f'), CLIPS((byte) 'c');

        private final byte code;

        Grant(byte code) {
            this.code = code;
        }

        static Optional<Grant> of(byte code) {
            for (Grant grant : values()) {
                if (grant.code == code) {
                    return Optional.of(grant);
                }
            }
            return Optional.empty();
        }
    }

    private static final int PAYLOAD_BYTES = 1 + 16 + 8;
    /** A link made before links named their grant (item + expiry): it was a video link and still is one. */
    private static final int VIDEO_ONLY_PAYLOAD_BYTES = 16 + 8;

    private final SecretKeySpec key;
    private final DashboardProperties properties;
    private final Clock clock;

    MediaLinks(DashboardProperties properties, AccessProperties access, Clock clock) {
        this.key = new SecretKeySpec(secret(properties.mediaLinkSecret(), access.serviceToken()), ALGORITHM);
        this.properties = properties;
        this.clock = clock;
    }

    /** A link token to the item's video, valid for {@code dashboard.media-link-ttl} from now. */
    Signed sign(UUID mediaId) {
        return sign(Grant.VIDEO, mediaId);
    }

    /** A link token granting one kind of the item's files, valid for {@code dashboard.media-link-ttl} from now. */
    Signed sign(Grant grant, UUID mediaId) {
        Instant expires = clock.instant().plus(properties.mediaLinkTtl());
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(grant.code)
                .putLong(mediaId.getMostSignificantBits()).putLong(mediaId.getLeastSignificantBits())
                .putLong(expires.getEpochSecond());
        byte[] bytes = payload.array();
        return new Signed(ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes)), expires);
    }

    /** The item whose video a token grants, when its signature holds and it has not expired. */
    Optional<UUID> verify(String token) {
        return verify(Grant.VIDEO, token);
    }

    /** The item a token grants {@code grant} of, when it grants that, its signature holds and it has not expired. */
    Optional<UUID> verify(Grant grant, String token) {
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
        if (payload.length != PAYLOAD_BYTES && payload.length != VIDEO_ONLY_PAYLOAD_BYTES
                || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        Optional<Grant> granted = payload.length == VIDEO_ONLY_PAYLOAD_BYTES ? Optional.of(Grant.VIDEO)
                : Grant.of(read.get());
        if (granted.filter(grant::equals).isEmpty()) {
            return Optional.empty();
        }
        UUID mediaId = new UUID(read.getLong(), read.getLong());
        return clock.instant().getEpochSecond() < read.getLong() ? Optional.of(mediaId) : Optional.empty();
    }

    /** How long a link stays valid ({@code dashboard.media-link-ttl}). */
    Duration ttl() {
        return properties.mediaLinkTtl();
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
