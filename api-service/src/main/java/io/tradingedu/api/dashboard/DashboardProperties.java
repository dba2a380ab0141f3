package io.tradingedu.api.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web dashboard's bounds (prefix {@code dashboard}; docs/dashboard.md). Every value has a default that works on
 * the local stack; each can be set by an env var ({@code DASHBOARD_MAX_STREAMS}, ...).
 *
 * @param maxStreams        open run-event streams per api-service instance; one more is answered 503 with
 *                          {@code Retry-After} (each stream holds a connection and a virtual thread)
 * @param heartbeat         a comment line is sent on an idle stream this often, so proxies keep it open and a
 *                          client that went away is noticed (the write fails) within this time
 * @param streamTimeout     a stream is ended after this long; the page reconnects at once, so a forgotten tab
 *                          cannot hold a slot for ever and a revoked key stops receiving events within this time
 * @param clientBacklog     events queued for one slow client; a client that falls further behind is dropped (it
 *                          reconnects and reloads the list) rather than holding the others back
 * @param mediaLinkTtl      how long a signed video link stays valid; a player cannot send a bearer header, so the
 *                          page asks for a link with its key and the player fetches (and seeks in) that link
 * @param mediaLinkSecret   the key the links are signed with, at least {@value #MIN_SECRET_BYTES} bytes (HMAC-SHA256's
 *                          own output size: a shorter key makes links easier to forge); empty: derived from
 *                          SERVICE_TOKEN (the same on every instance), or a random one per instance when there is no
 *                          service token
 * @param maxStreamsPerClient open run-event streams of one credential (keyless callers: one address) per
 *                          instance; one more is answered 429 with {@code Retry-After}, so one key cannot take every
 *                          slot. A page opens one; a stream the browser left holds its slot until the next heartbeat
 *                          fails, so quick navigation and a few tabs fit under the default of 20
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(Integer maxStreams, Duration heartbeat, Duration streamTimeout,
                                  Integer clientBacklog, Duration mediaLinkTtl, String mediaLinkSecret,
                                  Integer maxStreamsPerClient) {

    static final int MIN_SECRET_BYTES = 32;

    public DashboardProperties {
        maxStreams = maxStreams == null ? 200 : maxStreams;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        clientBacklog = clientBacklog == null ? 256 : clientBacklog;
        mediaLinkTtl = mediaLinkTtl == null ? Duration.ofHours(2) : mediaLinkTtl;
        mediaLinkSecret = mediaLinkSecret == null ? "" : mediaLinkSecret.strip();
        maxStreamsPerClient = maxStreamsPerClient == null ? 20 : maxStreamsPerClient;
        if (maxStreams < 1 || clientBacklog < 1 || maxStreamsPerClient < 1) {
            throw new IllegalArgumentException("dashboard.max-streams (DASHBOARD_MAX_STREAMS), "
                    + "dashboard.max-streams-per-client (DASHBOARD_MAX_STREAMS_PER_CLIENT) and "
                    + "dashboard.client-backlog (DASHBOARD_CLIENT_BACKLOG) must be at least 1");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || streamTimeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("dashboard.heartbeat (DASHBOARD_HEARTBEAT) must be positive and "
                    + "shorter than dashboard.stream-timeout (DASHBOARD_STREAM_TIMEOUT)");
        }
        if (mediaLinkTtl.isNegative() || mediaLinkTtl.isZero()) {
            throw new IllegalArgumentException("dashboard.media-link-ttl (DASHBOARD_MEDIA_LINK_TTL) must be positive");
        }
        int secretBytes = mediaLinkSecret.getBytes(StandardCharsets.UTF_8).length;
        if (secretBytes > 0 && secretBytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("dashboard.media-link-secret (DASHBOARD_MEDIA_LINK_SECRET) is "
                    + secretBytes + " bytes long; it must be at least " + MIN_SECRET_BYTES + " bytes (e.g. openssl "
                    + "rand -base64 48), or empty to derive the key from SERVICE_TOKEN");
        }
    }

    /** The defaults, for tests and for a context that binds nothing. */
    static DashboardProperties defaults() {
        return new DashboardProperties(null, null, null, null, null, null, null);
    }
}
