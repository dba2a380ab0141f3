package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import io.tradingedu.orchestrator.processvideo.audio.ToolProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded recogniser: Debian's {@code pocketsphinx_continuous} with the US English model, always available.
 * Long audio is cut at quiet moments into pieces recognised in parallel on a bounded pool; cancellation is checked
 * between pieces, and interrupting the caller kills every running recogniser.
 */
class PocketsphinxTranscriptSource implements TranscriptSource {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final TranscriptionProperties.Pocketsphinx settings;

    PocketsphinxTranscriptSource(TranscriptionProperties.Pocketsphinx settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public boolean needsAudio() {
        return true;
    }

    @Override
    public Result transcribe(TranscriptionInput input, ProgressListener progress, Checkpoint checkpoint)
            throws InterruptedException {
        PcmWav audio = input.audio();
        double total = audio.seconds();
        List<AudioChunker.Span> spans;
        Path dictionary;
        List<String> notes = new ArrayList<>();
        Path lm = languageModel(notes);
        try {
            double chunk = settings.chunk().toMillis() / 1000.0;
            spans = total <= chunk * 1.2 ? List.of(new AudioChunker.Span(0, total))
                    : AudioChunker.spans(audio.frameRms(AudioChunker.FRAME_SECONDS), total, chunk);
            dictionary = settings.vocabularyHint()
                    ? TradingVocabulary.merge(settings.dict(), input.workDir().resolve("trading.dict"))
                    : settings.dict();
        } catch (IOException e) {
            return Result.Declined.because("pocketsphinx: could not prepare the audio: " + e.getMessage());
        }
        List<List<TranscriptSegment>> pieces = new ArrayList<>(spans.size());
        spans.forEach(s -> pieces.add(null));
        int threads = Math.min(settings.parallelism(), spans.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("pocketsphinx-" + POOLS.incrementAndGet() + "-", 1).factory());
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            int next = 0;
            for (; next < threads; next++) {
                submit(done, next, spans.get(next), audio, lm, dictionary, input.workDir(), pieces);
            }
            double transcribed = 0;
            for (int finished = 0; finished < spans.size(); finished++) {
                Future<Integer> piece = done.take();
                int index;
                try {
                    index = piece.get();
                } catch (ExecutionException e) {
                    return Result.Declined.because("pocketsphinx failed: " + e.getCause().getMessage());
                }
                transcribed += spans.get(index).seconds();
                progress.progress("transcribing " + clock(transcribed) + " / " + clock(total));
                checkpoint.check();
                if (next < spans.size()) {
                    submit(done, next, spans.get(next), audio, lm, dictionary, input.workDir(), pieces);
                    next++;
                }
            }
        } finally {
            // interrupts running pieces, whose recognisers are then killed; wait so no file is still being written
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            if (!dictionary.equals(settings.dict())) {
                deleteQuietly(dictionary);
            }
        }
        List<TranscriptSegment> segments = pieces.stream().flatMap(List::stream)
                .sorted(Comparator.comparingDouble(TranscriptSegment::start)).toList();
        if (segments.isEmpty()) {
            return Result.Declined.because("pocketsphinx recognised no speech in " + clock(total) + " of audio");
        }
        if (spans.size() > 1) {
            notes.add("recognised in " + spans.size() + " pieces cut at pauses");
        }
        return new Result.Produced(new Transcript("pocketsphinx", "en", segments, List.copyOf(notes)));
    }

    /**
     * The trading-biased model when enabled and buildable, else the plain one. The hint never fails the stage: a
     * model it cannot read (another format, a damaged file) or a cache it cannot write leaves a note instead.
     */
    private Path languageModel(List<String> notes) {
        if (!settings.tradingLm()) {
            return settings.lm();
        }
        try {
            return TradingLanguageModel.biased(settings.lm(), settings.tradingLmBoost(), settings.tradingLmCache());
        } catch (IOException | RuntimeException e) {
            notes.add("trading language model unavailable, used the plain one: " + e.getMessage());
            return settings.lm();
        }
    }

    private void submit(CompletionService<Integer> done, int index, AudioChunker.Span span, PcmWav audio, Path lm,
                        Path dictionary, Path workDir, List<List<TranscriptSegment>> pieces) {
        done.submit(() -> {
            pieces.set(index, recognise(span, audio, lm, dictionary, workDir.resolve("piece-" + index + ".wav")));
            return index;
        });
    }

    private List<TranscriptSegment> recognise(AudioChunker.Span span, PcmWav audio, Path lm, Path dictionary,
                                              Path wav) throws IOException, InterruptedException {
        try {
            audio.writeSlice(span.start(), span.end(), wav);
            var result = ToolProcess.run(List.of(settings.binary(), "-infile", wav.toString(),
                    "-hmm", settings.hmm().toString(), "-lm", lm.toString(), "-dict", dictionary.toString(),
                    "-bestpath", settings.bestpath() ? "yes" : "no", "-time", "yes"), settings.chunkTimeout());
            if (!result.succeeded()) {
                throw new IOException(where(span) + ": " + error(result));
            }
            return PocketsphinxOutput.parse(result.stdout(), span.start());
        } catch (ToolProcess.TimeoutException e) {
            throw new IOException(where(span) + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // inside the transcription's work directory, which goes as a whole
        }
    }

    /** pocketsphinx logs everything to stderr; the reason is its last ERROR or FATAL line. */
    private static String error(ToolProcess.Result result) {
        return result.stderr().lines().filter(l -> l.startsWith("ERROR") || l.startsWith("FATAL"))
                .reduce((first, second) -> second)
                .map(l -> l.replaceFirst("^(ERROR|FATAL_ERROR|FATAL): \"[^\"]*\", line \\d+: ", ""))
                .orElse(result.lastError());
    }

    private static String where(AudioChunker.Span span) {
        return "audio " + clock(span.start()) + "–" + clock(span.end());
    }

    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
