package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Measures pocketsphinx: word error rate and real-time factor, with and without the trading language model and
 * {@code -bestpath}, on Debian's {@code pocketsphinx-testdata} LibriVox utterances (real human speech) and on Festival
 * narration of everyday English and of trading lessons (the set the boost was tuned on, and held-out ones). Not a test (surefire ignores the name). After {@code mvn -pl orchestrator-service -am
 * test-compile} it needs only the module's classes, shared-model's and spring-core:
 * {@code java -cp orchestrator-service/target/test-classes:orchestrator-service/target/classes:
 * shared-model/target/classes:<spring-core jar> io.tradingedu.orchestrator.processvideo.transcript.TranscriptionBenchmark}.
 */
public final class TranscriptionBenchmark {

    static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    private static final Pattern TRANSCRIPTION_LINE = Pattern.compile("^<s> (.*) </s> \\((\\S+)\\)$");

    /** Sentences a trading teacher says, with acronyms spelled out as they are spoken. */
    static final String TRADING_TERMS = """
            The twenty period E M A is sloping up.
            Bollinger bands contract before a big move.
            The stochastic oscillator is above eighty.
            Your R O I depends on your risk management.
            The NASDAQ gapped down at the open.
            """;
    static final String TRADING_TERMS_REFERENCE = """
            the twenty period ema is sloping up
            bollinger bands contract before a big move
            the stochastic oscillator is above eighty
            your roi depends on your risk management
            the nasdaq gapped down at the open
            """;

    private TranscriptionBenchmark() {
    }

    record Sample(PcmWav audio, String reference) {
    }

    /**
     * What is compared: the configuration before the trading language model, one decoder flag with and without the
     * model, and the default (the trading language model with pocketsphinx's best-path pass, as application.yml has it).
     */
    enum Setup {
        PLAIN(false, true), BESTPATH_NO(false, false), TRADING_LM_BESTPATH_NO(true, false), DEFAULT(true, true);

        final boolean tradingLm;
        final boolean bestpath;

        Setup(boolean tradingLm, boolean bestpath) {
            this.tradingLm = tradingLm;
            this.bestpath = bestpath;
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("asr-benchmark-");
        try {
            Map<String, List<Sample>> sets = new LinkedHashMap<>();
            sets.put("LibriVox (5 utt., human)", librivox());
            sets.put("Festival general English", festival(Speech.GENERAL, work, "general"));
            sets.put("Festival rules (tuned)", festival(Speech.TRADING_RULES, work, "rules"));
            sets.put("Festival rules held out", festival(Speech.HELD_OUT_RULES, work, "held-out"));
            sets.put("Festival long lesson", festival(Speech.LONG_LESSON, work, "lesson"));
            sets.put("Festival trading terms", List.of(new Sample(
                    PcmWav.open(Speech.synthesise(TRADING_TERMS, work, "terms")), TRADING_TERMS_REFERENCE)));
            // built once here so that no row's real-time factor includes building it
            TradingLanguageModel.biased(TranscriptionProperties.defaults().pocketsphinx().lm(), 1.0,
                    work.resolve("lm"));
            System.out.printf(Locale.ROOT, "%-26s %-12s %7s %6s %7s %6s%n", "set", "setup", "audio s", "words", "WER",
                    "RTF");
            for (var set : sets.entrySet()) {
                for (Setup setup : Setup.values()) {
                    measure(set.getKey(), set.getValue(), setup, work);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static List<Sample> festival(String text, Path work, String name) throws Exception {
        return List.of(new Sample(PcmWav.open(Speech.synthesise(text, work, name)), text));
    }

    private static void measure(String name, List<Sample> samples, Setup setup, Path work) throws Exception {
        // one recogniser at a time and whole utterances, so that the real-time factor is that of one core
        var source = new PocketsphinxTranscriptSource(new TranscriptionProperties.Pocketsphinx(null, null, null, null,
                true, java.time.Duration.ofMinutes(10), 1, null, setup.tradingLm, 1.0, work.resolve("lm"),
                setup.bestpath));
        double errors = 0;
        int words = 0;
        double audioSeconds = 0;
        long nanos = 0;
        for (Sample sample : samples) {
            Path dir = Files.createDirectories(work.resolve("run-" + System.nanoTime()));
            long start = System.nanoTime();
            var result = source.transcribe(new TranscriptionInput(sample.audio().file(), null, sample.audio(), dir),
                    ProgressListener.NONE, Checkpoint.NONE);
            nanos += System.nanoTime() - start;
            String hypothesis = result instanceof TranscriptSource.Result.Produced p ? Speech.text(p.transcript()) : "";
            int referenceWords = Speech.words(sample.reference()).length;
            errors += Speech.wordErrorRate(sample.reference(), hypothesis) * referenceWords;
            words += referenceWords;
            audioSeconds += sample.audio().seconds();
        }
        System.out.printf(Locale.ROOT, "%-26s %-12s %7.1f %6d %6.1f%% %6.2f%n", name, setup.name().toLowerCase(Locale.ROOT),
                audioSeconds, words, 100 * errors / words, nanos / 1e9 / audioSeconds);
    }

    private static List<Sample> librivox() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(LIBRIVOX.resolve("transcription"))) {
            Matcher m = TRANSCRIPTION_LINE.matcher(line.strip());
            if (m.matches()) {
                samples.add(new Sample(PcmWav.open(LIBRIVOX.resolve(m.group(2) + ".wav")), m.group(1)));
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no LibriVox test data: apt-get install -y pocketsphinx-testdata");
        }
        return samples;
    }
}
