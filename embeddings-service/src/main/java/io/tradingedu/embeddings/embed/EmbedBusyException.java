package io.tradingedu.embeddings.embed;

/** {@code POST /embed} already runs as many requests as allowed; answered 429. */
public class EmbedBusyException extends RuntimeException {

    EmbedBusyException(int concurrency) {
        super("the service is already embedding " + concurrency + " request(s); try again shortly");
    }
}
