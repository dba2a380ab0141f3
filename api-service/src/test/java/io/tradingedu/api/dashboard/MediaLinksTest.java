package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.support.security.AccessProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
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

    private static MediaLinks links(Instant now, String serviceToken) {
        return new MediaLinks(DashboardProperties.defaults(),
                new AccessProperties(true, serviceToken, false, null, null, null, null),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
