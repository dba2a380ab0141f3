package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An OpenAI-compatible transcription server ({@code POST /v1/audio/transcriptions}, {@code verbose_json}), used only
 * when a URL is configured. Runs on the JDK's {@link HttpClient} rather than Spring's RestClient: it streams the WAV
 * from disk as the request body, has separate connect and per-request timeouts without a request factory to
 * configure, and gives up its exchange when the waiting thread is interrupted. Any failure becomes a note, and the
 * next source takes over.
 */
class WhisperTranscriptSource implements TranscriptSource {

    private final TranscriptionProperties.Whisper settings;
    private final URI endpoint;
    private final HttpClient http;

    WhisperTranscriptSource(TranscriptionProperties.Whisper settings) {
        this.settings = settings;
        this.endpoint = settings.configured() ? endpoint(settings.url()) : null;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Accepts the server root or its {@code /v1} base, with or without a trailing slash. */
    static URI endpoint(String url) {
        String base = url.replaceAll("/+$", "");
        return URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/audio/transcriptions");
    }

    @Override
    public String name() {
        return "whisper";
    }

    @Override
    public boolean needsAudio() {
        return true;
    }

    @Override
    public Result transcribe(TranscriptionInput input, ProgressListener progress, Checkpoint checkpoint)
            throws InterruptedException {
        if (endpoint == null) {
            return Result.Declined.because("whisper: not configured (set WHISPER_URL to use a Whisper server)");
        }
        String server = "whisper server at " + settings.url();
        progress.progress("sending the audio to the " + server);
        HttpResponse<String> response;
        try {
            response = http.send(request(input.audio().file()), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return Result.Declined.because(server + " could not be reached within "
                    + settings.connectTimeout().toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return Result.Declined.because(server + " did not answer within " + settings.readTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            return Result.Declined.because(server + " could not be reached (connection refused)");
        } catch (IOException e) {
            return Result.Declined.because(server + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (response.statusCode() / 100 != 2) {
            return Result.Declined.because(server + " answered HTTP " + response.statusCode()
                    + excerpt(response.body()));
        }
        try {
            Transcript transcript = WhisperVerboseJson.parse(response.body());
            if (transcript.segments().isEmpty()) {
                return Result.Declined.because(server + " found no speech in the audio");
            }
            return new Result.Produced(transcript);
        } catch (IllegalArgumentException e) {
            return Result.Declined.because(server + " sent an answer that is not verbose_json: " + e.getMessage());
        }
    }

    private HttpRequest request(Path wav) throws IOException {
        String boundary = "----tradingedu-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(text(boundary, "model", settings.model()));
        parts.add(text(boundary, "response_format", "verbose_json"));
        parts.add(text(boundary, "timestamp_granularities[]", "segment"));
        parts.add(text(boundary, "timestamp_granularities[]", "word"));
        if (settings.language() != null) {
            parts.add(text(boundary, "language", settings.language()));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofFile(wav));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(settings.readTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private static HttpRequest.BodyPublisher text(String boundary, String name, String value) {
        return HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? "" : ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }
}
