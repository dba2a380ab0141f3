package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.processvideo.audio.AudioExtractor;
import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talks to a stub of an OpenAI-compatible transcription server. */
class WhisperTranscriptSourceTest {

    static final String VERBOSE_JSON = """
            {"task":"transcribe","language":"english","duration":4.2,"text":"Buy the breakout. Set a stop.",
             "segments":[
               {"id":0,"start":0.0,"end":2.1,"text":" Buy the breakout.","avg_logprob":-0.25,"no_speech_prob":0.01},
               {"id":1,"start":2.3,"end":4.0,"text":" Set a stop.","no_speech_prob":0.2}],
             "words":[
               {"word":"Buy","start":0.1,"end":0.4},{"word":"the","start":0.4,"end":0.6},
               {"word":"breakout.","start":0.6,"end":1.9},
               {"word":"Set","start":2.4,"end":2.8,"probability":0.93},{"word":"a","start":2.8,"end":2.9},
               {"word":"stop.","start":2.9,"end":3.8}]}
            """;

    @TempDir
    static Path dir;
    static PcmWav audio;

    HttpServer server;
    final AtomicReference<String> requestBody = new AtomicReference<>();
    final AtomicReference<String> contentType = new AtomicReference<>();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void tone() throws Exception {
        Path wav = dir.resolve("tone.wav");
        short[] samples = new short[AudioExtractor.SAMPLE_RATE];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / AudioExtractor.SAMPLE_RATE));
        }
        PcmWav.write(wav, samples, AudioExtractor.SAMPLE_RATE);
        audio = PcmWav.open(wav);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void answer(int status, String body) {
        server.createContext("/v1/audio/transcriptions", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            respond(exchange, status, body);
        });
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private WhisperTranscriptSource source(String language, Duration readTimeout) {
        return new WhisperTranscriptSource(new TranscriptionProperties.Whisper(url() + "/", "large-v3", language,
                null, Duration.ofSeconds(5), readTimeout));
    }

    private TranscriptSource.Result transcribe(WhisperTranscriptSource source) throws InterruptedException {
        return source.transcribe(new TranscriptionInput(audio.file(), null, audio, dir), ProgressListener.NONE,
                Checkpoint.NONE);
    }

    @Test
    void parsesSegmentsWordsAndConfidenceFromVerboseJson() throws Exception {
        answer(200, VERBOSE_JSON);

        var result = (TranscriptSource.Result.Produced) transcribe(source("en", Duration.ofSeconds(30)));

        Transcript t = result.transcript();
        assertThat(t.source()).isEqualTo("whisper");
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.segments()).hasSize(2);
        TranscriptSegment first = t.segments().getFirst();
        assertThat(first.text()).isEqualTo("Buy the breakout.");
        assertThat(first.start()).isEqualTo(0.0);
        assertThat(first.end()).isEqualTo(2.1);
        assertThat(first.confidence()).isCloseTo(Math.exp(-0.25), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.words()).extracting(TimedWord::text).containsExactly("Buy", "the", "breakout.");
        assertThat(first.words().getFirst()).isEqualTo(new TimedWord("Buy", 0.1, 0.4, null));
        TranscriptSegment second = t.segments().get(1);
        assertThat(second.confidence()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(second.words()).containsExactly(new TimedWord("Set", 2.4, 2.8, 0.93),
                new TimedWord("a", 2.8, 2.9, null), new TimedWord("stop.", 2.9, 3.8, null));
    }

    @Test
    void sendsTheWavAsMultipartWithTheOpenAiFields() throws Exception {
        answer(200, VERBOSE_JSON);

        transcribe(source("en", Duration.ofSeconds(30)));

        assertThat(contentType.get()).startsWith("multipart/form-data; boundary=");
        String body = requestBody.get();
        assertThat(body).contains("name=\"model\"\r\n\r\nlarge-v3\r\n")
                .contains("name=\"response_format\"\r\n\r\nverbose_json\r\n")
                .contains("name=\"timestamp_granularities[]\"\r\n\r\nsegment\r\n")
                .contains("name=\"timestamp_granularities[]\"\r\n\r\nword\r\n")
                .contains("name=\"language\"\r\n\r\nen\r\n")
                .contains("name=\"file\"; filename=\"audio.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF");
        assertThat(body.length()).isGreaterThan((int) (audio.sampleCount() * 2));
    }

    @Test
    void slowServerTimesOutWithAReadableNote() throws Exception {
        server.createContext("/v1/audio/transcriptions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, VERBOSE_JSON);
        });

        var result = transcribe(source(null, Duration.ofSeconds(1)));

        assertThat(result).isEqualTo(TranscriptSource.Result.Declined.because(
                "whisper server at " + url() + "/ did not answer within 1 s"));
    }

    @Test
    void malformedJsonIsDeclined() throws Exception {
        answer(200, "{\"segments\": [ {\"start\": 0, ");

        var result = (TranscriptSource.Result.Declined) transcribe(source(null, Duration.ofSeconds(30)));

        assertThat(result.notes()).singleElement().asString()
                .startsWith("whisper server at " + url() + "/ sent an answer that is not verbose_json: not JSON");
    }

    @Test
    void plainJsonWithoutSegmentsIsDeclined() throws Exception {
        answer(200, "{\"text\": \"hello\"}");

        assertThat(transcribe(source(null, Duration.ofSeconds(30)))).isEqualTo(TranscriptSource.Result.Declined
                .because("whisper server at " + url() + "/ sent an answer that is not verbose_json: no \"segments\" array"));
    }

    @Test
    void serverErrorIsDeclinedWithStatusAndBody() throws Exception {
        answer(500, "{\"error\": \"CUDA out of memory\"}");

        assertThat(transcribe(source(null, Duration.ofSeconds(30)))).isEqualTo(TranscriptSource.Result.Declined
                .because("whisper server at " + url() + "/ answered HTTP 500: {\"error\": \"CUDA out of memory\"}"));
    }

    @Test
    void answerWithoutSpeechIsDeclined() throws Exception {
        answer(200, "{\"language\":\"english\",\"text\":\"\",\"segments\":[]}");

        assertThat(transcribe(source(null, Duration.ofSeconds(30)))).isEqualTo(TranscriptSource.Result.Declined
                .because("whisper server at " + url() + "/ found no speech in the audio"));
    }

    @Test
    void unreachableServerIsDeclined() throws Exception {
        String url = url();
        server.stop(0);
        var source = new WhisperTranscriptSource(new TranscriptionProperties.Whisper(url, null, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5)));

        assertThat(transcribe(source)).isEqualTo(TranscriptSource.Result.Declined
                .because("whisper server at " + url + " could not be reached (connection refused)"));
    }

    @Test
    void notConfiguredIsDeclinedWithoutAnyRequest() throws Exception {
        var source = new WhisperTranscriptSource(TranscriptionProperties.defaults().whisper());

        assertThat(transcribe(source)).isEqualTo(TranscriptSource.Result.Declined
                .because("whisper: not configured (set WHISPER_URL to use a Whisper server)"));
    }

    @Test
    void failingWhisperFallsBackToTheNextSource() throws Exception {
        answer(500, "overloaded");
        Path video = dir.resolve("lesson.mp4");
        Speech.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-i", audio.file().toString(),
                "-t", "1", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", video.toString());
        var probe = new MediaProbe(1.0, "mov,mp4", 160, 120, 10, "h264", "aac", List.of());
        var next = new FixedSource(new Transcript("pocketsphinx", "en",
                List.of(new TranscriptSegment(0, 1, "a tone", null, 0.5, List.of())), List.of()));
        var properties = new TranscriptionProperties(null, null, null, null, null);
        var transcriber = new Transcriber(Transcriber.audioExtractor(properties), List.of(
                new SubtitleTranscriptSource("ffmpeg", Duration.ofMinutes(1)), source(null, Duration.ofSeconds(30)),
                next));

        Transcript transcript = transcriber.transcribe(video, probe, ProgressListener.NONE, Checkpoint.NONE);

        assertThat(transcript.source()).isEqualTo("pocketsphinx");
        assertThat(transcript.notes()).containsExactly(
                "no subtitles: no subtitle stream in the file and no sidecar file",
                "whisper server at " + url() + "/ answered HTTP 500: overloaded");
        assertThat(next.received.getFirst().audio().seconds()).isBetween(0.9, 1.1);
    }

    @Test
    void endpointAcceptsRootOrV1Base() {
        assertThat(WhisperTranscriptSource.endpoint("http://gpu:8000")).hasToString("http://gpu:8000/v1/audio/transcriptions");
        assertThat(WhisperTranscriptSource.endpoint("https://api.example/v1/")).hasToString("https://api.example/v1/audio/transcriptions");
    }

    /** Stands in for a later source: answers with a fixed transcript and remembers what it was given. */
    static final class FixedSource implements TranscriptSource {

        final Transcript transcript;
        final List<TranscriptionInput> received = new java.util.concurrent.CopyOnWriteArrayList<>();

        FixedSource(Transcript transcript) {
            this.transcript = transcript;
        }

        @Override
        public String name() {
            return transcript.source();
        }

        @Override
        public boolean needsAudio() {
            return true;
        }

        @Override
        public Result transcribe(TranscriptionInput input, ProgressListener progress, Checkpoint checkpoint) {
            received.add(input);
            return new Result.Produced(transcript);
        }
    }
}
