package io.tradingedu.api.upstream;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another service of the suite as a test plays it: a real HTTP server on a free loopback port that answers
 * {@code "METHOD /path?decoded-query"} with what the test put there, and anything else with a 404 problem of the
 * kind backtesting-service sends, keeping every call (method, target, Authorization header, body) for assertions.
 */
public final class StubService {

    /** One request as it arrived. */
    public record Call(String method, String target, String authorization, String body) {
    }

    private record Answer(int status, String body, String retryAfter) {
    }

    private static final String NOT_FOUND = """
            {"type":"https://tradingedu.io/problems/backtest-not-found","title":"Backtest not found","status":404,
             "detail":"no %s"}""";

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String target = exchange.getRequestURI().getPath()
                    + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
            calls.add(new Call(exchange.getRequestMethod(), target,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + target,
                    new Answer(404, NOT_FOUND.formatted(target), null));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    answer.status() >= 400 ? "application/problem+json" : "application/json");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public static StubService start() {
        return new StubService();
    }

    /** @param request e.g. {@code "GET /backtest/42/trades"} or {@code "POST /optimize"} */
    public void answer(String request, int status, String json) {
        answer(request, status, json, null);
    }

    /** As {@link #answer(String, int, String)}, with a {@code Retry-After} header. */
    public void answer(String request, int status, String json, String retryAfter) {
        answers.put(request, new Answer(status, json, retryAfter));
    }

    public List<Call> calls() {
        return calls;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }
}
