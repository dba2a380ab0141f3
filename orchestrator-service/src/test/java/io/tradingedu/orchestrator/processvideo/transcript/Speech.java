package io.tradingedu.orchestrator.processvideo.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Test speech and media made on the spot (Festival's SLT voice, ffmpeg), and word error rate. */
public final class Speech {

    /** A short trading lesson: words the recogniser's language model knows, as a teacher would say them. */
    static final String LESSON = """
            The relative strength index measures the speed of recent price changes.
            When the fast moving average crosses above the slow average, traders look for a buying opportunity.
            Always place a stop loss below the most recent support level.
            Rising volume confirms the strength of a breakout.
            """;

    /** About 100 seconds of narration for the chunked path. */
    static final String LONG_LESSON = LESSON + """
            A hammer candle near support can signal that sellers are exhausted.
            Risk no more than two percent of your account on a single trade.
            The market often pulls back to test a broken resistance level.
            Momentum traders buy strength and sell weakness.
            A trend line connects a series of higher lows in an uptrend.
            Divergence between price and momentum can warn of a reversal.
            Position size depends on the distance between your entry and your stop.
            Many traders take partial profits at the first target.
            Bollinger bands widen when volatility increases.
            A gap at the open often fills during the first hour of trading.
            Never move your stop loss further away from your entry.
            Keep a journal of every trade you make and review it each week.
            Support and resistance levels are zones rather than exact prices.
            A strong close near the high of the day shows that buyers are in control.
            Traders who chase a breakout often buy at the worst possible price.
            The best trades usually feel uncomfortable when you take them.
            """;

    /**
     * Trading rules as a strategy lesson states them. The trading language model's boost was tuned on this text
     * (plain pocketsphinx: 22.4 % WER), so a test on it shows the default configuration, not generalisation.
     */
    static final String TRADING_RULES = """
            In this lesson we trade the relative strength index. We buy Apple when the fourteen day R S I drops below \
            thirty.
            Only enter when the price is above the two hundred day moving average. Put the stop loss two percent \
            below the entry.
            Exit when the R S I crosses above seventy, or take profit at two times the risk. Never hold more than \
            twenty bars.
            """;

    /** More trading rules, written before any tuning and never used for it: the held-out check of the bias. */
    static final String HELD_OUT_RULES = """
            Wait for the M A C D line to cross above the signal line before you go long.
            Sell half of the position when the price touches the upper Bollinger band.
            A close below the fifty day moving average means you should exit the trade.
            Keep the risk reward ratio at one to three or better.
            Move the trailing stop up under each higher low.
            Go short when the R S I rises above eighty and volume is falling.
            """;

    /** Everyday English with no trading words: what the bias must not make worse. */
    static final String GENERAL = """
            The weather was cold and wet when we arrived at the station.
            She put the bread in the oven and waited for twenty minutes.
            The museum holds paintings from the last three hundred years.
            Children played in the park until their parents called them home.
            He wrote a long letter to his brother who lived across the ocean.
            The river rises every spring when the snow in the mountains melts.
            """;

    private Speech() {
    }

    /** Festival narration as 16 kHz mono WAV. */
    static Path synthesise(String text, Path dir, String name) throws IOException, InterruptedException {
        Path txt = dir.resolve(name + ".txt");
        Files.writeString(txt, text);
        Path raw = dir.resolve(name + "-raw.wav");
        run(List.of("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", txt.toString(), "-o", raw.toString()));
        Path wav = dir.resolve(name + ".wav");
        ffmpeg("-i", raw.toString(), "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", wav.toString());
        Files.delete(raw);
        return wav;
    }

    static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        command.addAll(Arrays.asList(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("failed: " + command);
        }
    }

    /** Word error rate: word-level Levenshtein distance over the reference length, ignoring case and punctuation. */
    public static double wordErrorRate(String reference, String hypothesis) {
        String[] ref = words(reference);
        String[] hyp = words(hypothesis);
        int[] previous = new int[hyp.length + 1];
        int[] current = new int[hyp.length + 1];
        for (int j = 0; j <= hyp.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = previous[j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return ref.length == 0 ? (hyp.length == 0 ? 0 : 1) : (double) previous[hyp.length] / ref.length;
    }

    static String[] words(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    static String text(Transcript transcript) {
        return String.join(" ", transcript.segments().stream().map(TranscriptSegment::text).toList());
    }
}
