package io.tradingedu.orchestrator.strategies.generation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Ollama's {@code POST /api/chat} (non-streamed), answering each request with the next scripted
 * reply: a message content, optionally after a delay. Records the request bodies.
 */
final class StubOllama implements AutoCloseable {

    record Reply(String content, Duration delay) {
        static Reply of(String content) {
            return new Reply(content, Duration.ZERO);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Reply last;

    StubOllama(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/chat", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = script.poll();
            reply = reply == null ? last : reply;
            last = reply;
            try {
                Thread.sleep(reply.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode body = JSON.createObjectNode().put("model", "stub").put("created_at", "2026-11-26T10:00:00Z")
                    .put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 20);
            body.putObject("message").put("role", "assistant").put("content", reply.content());
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException e) {
                // the client gave up waiting (the slow reply): nothing to answer
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
