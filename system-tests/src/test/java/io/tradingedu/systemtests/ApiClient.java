package io.tradingedu.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to one service with the suite's admin key as bearer token. Every request has a 30 s timeout, so a service that
 * hangs fails the test instead of stalling it.
 */
final class ApiClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String bearer;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ApiClient(URI base, String bearer) {
        this(base, bearer, REQUEST_TIMEOUT);
    }

    private ApiClient(URI base, String bearer, Duration timeout) {
        this.base = base;
        this.bearer = bearer;
        this.timeout = timeout;
    }

    /** The same client with another per-request timeout (a request past it fails). */
    ApiClient withTimeout(Duration requestTimeout) {
        return new ApiClient(base, bearer, requestTimeout);
    }

    /** An answer: status, content type and body (parsed as JSON when it is JSON). */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new AssertionError("expected HTTP " + java.util.Arrays.toString(statuses) + " but got " + status
                    + ": " + body);
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer postText(String path, String body) {
        return send(request(path).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST of files, each as {@code part name -> file}. */
    Answer postFiles(String path, java.util.Map<String, Path> parts) {
        String boundary = "systemtests" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var part : parts.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                        + "\"; filename=\"" + part.getValue().getFileName() + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(part.getValue()));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Downloads what {@code path} (or an absolute link the API gave) answers into {@code target}; answers the status
     * and content type, with the body only when it is not a success (a problem's detail for the failure message).
     */
    Answer download(String path, Path target) {
        try {
            HttpResponse<Path> response = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String body = response.statusCode() / 100 == 2 ? "" : Files.readString(target);
            return new Answer(response.statusCode(), contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException("download of " + path + " from " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json, */*");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
