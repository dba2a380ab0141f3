package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.dashboard.MediaLinks.Grant;
import io.tradingedu.support.security.AccessProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MediaLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SERVICE_TOKEN = "a-service-token-of-enough-length-0123456789";
    private final UUID media = UUID.randomUUID();

    @Test
    void aSignedLinkGrantsItsItemUntilItExpires() {
        MediaLinks.Signed signed = links(NOW, SERVICE_TOKEN).sign(media);

        assertThat(signed.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(links(NOW.plus(Duration.ofMinutes(119)), SERVICE_TOKEN).verify(signed.token())).contains(media);
        assertThat(links(NOW.plus(Duration.ofMinutes(120)), SERVICE_TOKEN).verify(signed.token())).isEmpty();
    }

    @Test
    void anotherInstanceWithTheSameServiceTokenAcceptsTheLinkAndOneWithAnotherDoesNot() {
        String token = links(NOW, SERVICE_TOKEN).sign(media).token();

        assertThat(links(NOW, SERVICE_TOKEN).verify(token)).contains(media);
        assertThat(links(NOW, SERVICE_TOKEN + "x").verify(token)).isEmpty();
    }

    @Test
    void anAlteredLinkGrantsNothing() {
        String token = links(NOW, SERVICE_TOKEN).sign(media).token();
        MediaLinks verifier = links(NOW, SERVICE_TOKEN);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        // another item's id with the original signature
        String otherPayload = links(NOW, SERVICE_TOKEN).sign(UUID.randomUUID()).token().split("\\.")[0];

        assertThat(verifier.verify(otherPayload + "." + signature)).isEmpty();
        assertThat(verifier.verify(payload + "." + signature.substring(1) + "A")).isEmpty();
        assertThat(verifier.verify(payload)).isEmpty();
        assertThat(verifier.verify("not-base64!.x")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
    }

    @Test
    void aLinkGrantsOnlyTheKindOfFileItNames() {
        MediaLinks links = links(NOW, SERVICE_TOKEN);
        String video = links.sign(media).token();
        String frames = links.sign(Grant.FRAMES, media).token();
        String clips = links.sign(Grant.CLIPS, media).token();

        assertThat(links.verify(Grant.VIDEO, video)).contains(media);
        assertThat(links.verify(Grant.FRAMES, frames)).contains(media);
        assertThat(links.verify(Grant.CLIPS, clips)).contains(media);
        // a frame link plays no video, a video link shows no frame, a clip link is neither
        assertThat(links.verify(frames)).isEmpty();
        assertThat(links.verify(Grant.VIDEO, clips)).isEmpty();
        assertThat(links.verify(Grant.FRAMES, video)).isEmpty();
        assertThat(links.verify(Grant.FRAMES, clips)).isEmpty();
        assertThat(links.verify(Grant.CLIPS, frames)).isEmpty();
    }

    @Test
    void aGrantChangedInTheSignedPayloadGrantsNothing() {
        MediaLinks links = links(NOW, SERVICE_TOKEN);
        String frames = links.sign(Grant.FRAMES, media).token();
        byte[] payload = Base64.getUrlDecoder().decode(frames.substring(0, frames.indexOf('.')));
        payload[0] = 'v';

        assertThat(links.verify(Grant.VIDEO, Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                + frames.substring(frames.indexOf('.')))).isEmpty();
    }

    /** Links made before they named a grant (item + expiry) were video links; they play until they expire. */
    @Test
    void aLinkFromBeforeGrantsWereNamedStillPlaysItsVideoAndNothingElse() throws Exception {
        MediaLinks links = links(NOW, SERVICE_TOKEN);
        byte[] payload = ByteBuffer.allocate(24).putLong(media.getMostSignificantBits())
                .putLong(media.getLeastSignificantBits()).putLong(NOW.plusSeconds(60).getEpochSecond()).array();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(derivedKey(SERVICE_TOKEN), "HmacSHA256"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String old = base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));

        assertThat(links.verify(old)).contains(media);
        assertThat(links.verify(Grant.FRAMES, old)).isEmpty();
        assertThat(links.verify(Grant.CLIPS, old)).isEmpty();
        assertThat(links(NOW.plusSeconds(60), SERVICE_TOKEN).verify(old)).isEmpty();
    }

    @Test
    void aConfiguredSecretShorterThan32BytesIsRefusedAtStartNamingTheVariable() {
        assertThatThrownBy(() -> withSecret("only-31-bytes-long-0123456789ab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DASHBOARD_MEDIA_LINK_SECRET")
                .hasMessageContaining("31 bytes long")
                .hasMessageContaining("at least 32 bytes");
        // bytes, not characters: 16 two-byte characters are 32 bytes
        assertThat(withSecret("é".repeat(16)).mediaLinkSecret()).hasSize(16);
        assertThat(withSecret("exactly-32-bytes-long-0123456789").mediaLinkSecret()).hasSize(32);
        // empty keeps the key derived from the service token
        assertThat(withSecret("  ").mediaLinkSecret()).isEmpty();
    }

    @Test
    void aConfiguredSecretSignsInsteadOfTheServiceToken() {
        DashboardProperties configured = withSecret("a-configured-secret-of-32-bytes-or-more");
        String token = new MediaLinks(configured, access(SERVICE_TOKEN), Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(media).token();

        assertThat(new MediaLinks(configured, access("another-service-token-0123456789"),
                Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).contains(media);
        assertThat(links(NOW, SERVICE_TOKEN).verify(token)).isEmpty();
    }

    private static DashboardProperties withSecret(String secret) {
        return new DashboardProperties(null, null, null, null, null, secret, null);
    }

    /** The key MediaLinks derives from the service token (a fixed label, HMAC-SHA256). */
    private static byte[] derivedKey(String serviceToken) throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(serviceToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return derive.doFinal("dashboard media links".getBytes(StandardCharsets.UTF_8));
    }

    private static AccessProperties access(String serviceToken) {
        return new AccessProperties(true, serviceToken, false, null, null, null, null);
    }

    private static MediaLinks links(Instant now, String serviceToken) {
        return new MediaLinks(DashboardProperties.defaults(), access(serviceToken), Clock.fixed(now, ZoneOffset.UTC));
    }
}
