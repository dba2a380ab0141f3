package io.tradingedu.api.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * embeddings-service's {@code GET /search} as a small JDK HTTP server on a free loopback port: it records each
 * request and answers what the test set. It can be stopped (connections are then refused) and started again on the
 * same port, and an answer can be held back until the test releases it (a stalled service).
 *
 * <p>{@link #shared()} is the one instance the shared application context of the integration tests points
 * {@code embeddings.url} at (see {@code AnalysisApiSupport}), so the search tests need no context of their own.
 */
public final class EmbeddingsStub {

    private static EmbeddingsStub shared;

    /** What the stub answers; {@code hold}, when set, is awaited before answering. */
    record Answer(int status, String contentType, String body, CountDownLatch hold) {
    }

    /** A request as it arrived: the raw (still encoded) query string. */
    record Request(String path, String rawQuery) {

        /** The decoded query parameters, in order. */
        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (rawQuery == null) {
                return parameters;
            }
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Answer answer = json(200, "{\"query\":\"\",\"mode\":\"hybrid\",\"model\":\"m\",\"hits\":[]}");
    private volatile HttpServer server;
    private int port;

    /** The stub the shared test context uses, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddingsStub shared() {
        if (shared == null) {
            EmbeddingsStub stub = new EmbeddingsStub();
            stub.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stub::stop));
            shared = stub;
        }
        return shared;
    }

    /** Its base URL, for {@code embeddings.url}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Listens again, on the port it had before (a free one the first time). */
    synchronized void start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            started.setExecutor(threads);
            started.createContext("/", this::handle);
            started.start();
            port = started.getAddress().getPort();
            server = started;
        } catch (IOException e) {
            throw new UncheckedIOException("the embeddings stub cannot listen on port " + port, e);
        }
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Forgets the requests and answers an empty result again. */
    void reset() {
        requests.clear();
        answer = json(200, "{\"query\":\"\",\"mode\":\"hybrid\",\"model\":\"m\",\"hits\":[]}");
    }

    void answer(Answer next) {
        answer = next;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, null);
    }

    static Answer problem(int status, String body) {
        return new Answer(status, "application/problem+json", body, null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery()));
            Answer current = answer;
            if (current.hold() != null) {
                current.hold().await();
            }
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", current.contentType());
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
