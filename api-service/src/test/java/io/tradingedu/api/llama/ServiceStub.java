package io.tradingedu.api.llama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A service of the suite (orchestrator, backtesting or embeddings) as a JDK HTTP server on a free loopback port: it
 * answers each path what the test set (404 otherwise) and records every request. It can be stopped (connections
 * are then refused) and started again on the same port.
 */
final class ServiceStub {

    record Answer(int status, String contentType, String body) {
    }

    /** @param authorization the Authorization header as sent, null when none was */
    record Request(String method, String path, String rawQuery, String body, String authorization) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile HttpServer server;
    private int port;

    ServiceStub() {
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            started.setExecutor(threads);
            started.createContext("/", this::handle);
            started.start();
            port = started.getAddress().getPort();
            server = started;
        } catch (IOException e) {
            throw new UncheckedIOException("the stub cannot listen on port " + port, e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    void reset() {
        answers.clear();
        requests.clear();
        delay = Duration.ZERO;
    }

    /** Every answer from now on comes this late: a slow service (a local LLM at work). */
    void delay(Duration delay) {
        this.delay = delay;
    }

    void json(String path, int status, String body) {
        answers.put(path, new Answer(status, "application/json", body));
    }

    void problem(String path, int status, String body) {
        answers.put(path, new Answer(status, "application/problem+json", body));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer = answers.getOrDefault(path, new Answer(404, "application/problem+json",
                    "{\"status\":404,\"detail\":\"no such path on the stub\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
