package io.tradingedu.api.search;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where embeddings-service answers searches, and how long a search may wait for it. Both timeouts are bounded so a
 * stalled embeddings-service costs a caller seconds, not a hung request thread.
 *
 * @param url            its base URL (env {@code EMBEDDINGS_URL})
 * @param connectTimeout how long to wait for a connection (default 2 s)
 * @param readTimeout    how long to wait for the answer once connected (default 10 s)
 */
@ConfigurationProperties("embeddings")
record EmbeddingsProperties(URI url, Duration connectTimeout, Duration readTimeout) {

    EmbeddingsProperties {
        url = url == null ? URI.create("http://localhost:8004") : url;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
