package io.tradingedu.embeddings.search;

import io.tradingedu.embeddings.model.SentenceEmbedder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Query vectors, cached in Redis: traders repeat searches, and a cached vector saves the model's few milliseconds.
 * Redis is an optimisation, never a dependency: when it fails the search embeds the query itself, the failure is
 * logged once, health shows the cache degraded, and Redis is tried again after {@code retryAfter}.
 */
@Component
public class QueryEmbeddings implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryEmbeddings.class);

    private final SentenceEmbedder embedder;
    private final QueryCacheProperties properties;
    private final Clock clock;
    private final JedisPool pool;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile String lastFailure;

    QueryEmbeddings(SentenceEmbedder embedder, QueryCacheProperties properties, Clock clock) {
        this.embedder = embedder;
        this.properties = properties;
        this.clock = clock;
        int timeout = (int) properties.timeout().toMillis();
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(16);
        config.setMaxWait(properties.timeout());
        this.pool = properties.enabled() ? new JedisPool(config, new HostAndPort(properties.host(), properties.port()),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout)
                        .clientName("embeddings-service").build()) : null;
    }

    public float[] vectorFor(String query) {
        String key = key(query);
        Optional<float[]> cached = cached(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        float[] vector = embedder.embed(query);
        store(key, vector);
        return vector;
    }

    /**
     * Whether the cache is in use, off, or skipped after a failure (and why). Pings Redis unless it failed recently,
     * so health notices an outage even when nobody searches.
     */
    public CacheState check() {
        if (pool == null) {
            return new CacheState("disabled", null);
        }
        if (usable()) {
            try (Jedis jedis = pool.getResource()) {
                jedis.ping();
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        return usable() ? new CacheState("available", null) : new CacheState("unavailable", lastFailure);
    }

    public record CacheState(String status, String failure) {
    }

    private Optional<float[]> cached(String key) {
        if (!usable()) {
            return Optional.empty();
        }
        try (Jedis jedis = pool.getResource()) {
            byte[] bytes = jedis.get(key.getBytes(StandardCharsets.UTF_8));
            return bytes == null || bytes.length != embedder.dimension() * Float.BYTES ? Optional.empty()
                    : Optional.of(decode(bytes));
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    private void store(String key, float[] vector) {
        if (!usable()) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.setex(key.getBytes(StandardCharsets.UTF_8), properties.ttl().toSeconds(), encode(vector));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private boolean usable() {
        return pool != null && !clock.instant().isBefore(unavailableUntil);
    }

    private void failed(RuntimeException e) {
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        unavailableUntil = clock.instant().plus(properties.retryAfter());
        log.warn("query cache (Redis at {}:{}) unavailable, searching without it for {}: {}", properties.host(),
                properties.port(), properties.retryAfter(), lastFailure);
    }

    private String key(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return "embeddings:query:" + embedder.modelName() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
