package io.tradingedu.orchestrator.processvideo.transcript;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stage 2 settings. Every default works on a Debian machine with {@code ffmpeg}, {@code pocketsphinx} and
 * {@code pocketsphinx-en-us} installed; Whisper is off until a URL is set.
 *
 * @param ffmpegPath         the ffmpeg binary (audio and subtitle extraction)
 * @param ffmpegTimeout      longest one ffmpeg call may take
 * @param silenceThresholdDb an audio track whose loudest sample stays below this (dBFS) is reported as silent
 */
@ConfigurationProperties("transcription")
public record TranscriptionProperties(String ffmpegPath, Duration ffmpegTimeout, Double silenceThresholdDb,
                                      Whisper whisper, Pocketsphinx pocketsphinx) {

    public TranscriptionProperties {
        ffmpegPath = ffmpegPath == null ? "ffmpeg" : ffmpegPath;
        ffmpegTimeout = ffmpegTimeout == null ? Duration.ofMinutes(10) : ffmpegTimeout;
        silenceThresholdDb = silenceThresholdDb == null ? -50.0 : silenceThresholdDb;
        whisper = whisper == null ? new Whisper(null, null, null, null, null, null) : whisper;
        pocketsphinx = pocketsphinx == null ? new Pocketsphinx(null, null, null, null, null, null, null, null, null,
                null, null, null) : pocketsphinx;
    }

    /** All defaults. */
    public static TranscriptionProperties defaults() {
        return new TranscriptionProperties(null, null, null, null, null);
    }

    /**
     * An OpenAI-compatible transcription server (faster-whisper-server, whisper.cpp's server, OpenAI itself).
     *
     * @param url         base URL, e.g. {@code http://localhost:8000}; {@code null} or blank: not used
     * @param model       the {@code model} form field
     * @param language    ISO code sent as a hint, or {@code null} to let the server detect it
     * @param apiKey      sent as a bearer token when set
     * @param readTimeout how long to wait for the answer once the audio is sent (long videos take a while)
     */
    public record Whisper(String url, String model, String language, String apiKey, Duration connectTimeout,
                          Duration readTimeout) {

        public Whisper {
            url = url == null || url.isBlank() ? null : url.strip();
            model = model == null || model.isBlank() ? "whisper-1" : model;
            language = language == null || language.isBlank() ? null : language;
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofMinutes(10) : readTimeout;
        }

        public boolean configured() {
            return url != null;
        }
    }

    /**
     * The embedded recogniser, Debian's {@code pocketsphinx_continuous} with the {@code pocketsphinx-en-us} model.
     *
     * @param vocabularyHint add pronunciations traders use for words the language model knows (see TradingVocabulary);
     *                       measured: trading terms WER 52.9 % → 44.1 %, LibriVox unchanged, so on by default
     * @param chunk          long audio is cut near this length, at the quietest moment, and the pieces run in parallel
     * @param parallelism    recognisers running at once; 0 or less: one per available processor
     * @param chunkTimeout   longest one piece may take (pocketsphinx runs ~5x faster than real time)
     * @param tradingLm      lean the language model towards trading phrases (see TradingLanguageModel); measured
     *                       (TranscriptionBenchmark) WER on Festival trading rules 23.9 % → 11.9 % (the set the boost
     *                       was tuned on), 19.0 % → 10.1 % (held-out rules), 15.5 % → 12.7 % (long lesson), unchanged
     *                       on LibriVox (36.6 %) and everyday English (14.3 %), so on by default; if the biased model
     *                       cannot be built the plain one is used and the transcript notes say why
     * @param tradingLmBoost how much more likely trading n-grams become, in log10 (1.0: ten times; 0.5 helped less,
     *                       1.5 and 2.0 overfitted the long lesson)
     * @param tradingLmCache where biased models are kept between runs (~27 MB each), keyed by model, boost and phrases
     * @param bestpath       pocketsphinx's final lattice best-path pass ({@code -bestpath}); measured mixed (off: 2–7
     *                       fewer errors on rules and the long lesson, 2–3 more on everyday English and trading terms),
     *                       so it stays on, pocketsphinx's own default
     */
    public record Pocketsphinx(String binary, Path hmm, Path lm, Path dict, Boolean vocabularyHint, Duration chunk,
                               Integer parallelism, Duration chunkTimeout, Boolean tradingLm, Double tradingLmBoost,
                               Path tradingLmCache, Boolean bestpath) {

        private static final Path MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

        public Pocketsphinx {
            binary = binary == null ? "pocketsphinx_continuous" : binary;
            hmm = hmm == null ? MODEL.resolve("en-us") : hmm;
            lm = lm == null ? MODEL.resolve("en-us.lm.bin") : lm;
            dict = dict == null ? MODEL.resolve("cmudict-en-us.dict") : dict;
            vocabularyHint = vocabularyHint == null || vocabularyHint;
            chunk = chunk == null ? Duration.ofSeconds(50) : chunk;
            parallelism = parallelism == null || parallelism <= 0
                    ? Runtime.getRuntime().availableProcessors() : parallelism;
            chunkTimeout = chunkTimeout == null ? Duration.ofMinutes(5) : chunkTimeout;
            tradingLm = tradingLm == null || tradingLm;
            tradingLmBoost = tradingLmBoost == null ? 1.0 : tradingLmBoost;
            if (tradingLmBoost < 0 || tradingLmBoost > 3) {
                throw new IllegalArgumentException("transcription.pocketsphinx.trading-lm-boost must be within 0..3 "
                        + "(log10), was " + tradingLmBoost);
            }
            tradingLmCache = tradingLmCache == null
                    ? Path.of(System.getProperty("java.io.tmpdir"), "tradingedu-lm") : tradingLmCache;
            bestpath = bestpath == null || bestpath;
        }
    }
}
