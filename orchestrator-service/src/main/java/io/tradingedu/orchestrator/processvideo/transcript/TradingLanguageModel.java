package io.tradingedu.orchestrator.processvideo.transcript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The general English language model, leaned towards trading language: n-grams of {@link TradingVocabulary#PHRASES}
 * ("stop loss", "r s i", "crosses above") become more likely, so that the recogniser stops preferring the everyday
 * phrase that sounds alike ("stop last", "in depth").
 * <p>
 * With a boost of {@code b} (log10): every bigram inside a phrase, and every trigram ending in one, gains {@code b};
 * phrase bigrams the model lacks are added at their backed-off probability plus {@code b}; phrase words rarer than
 * 1 in 3000 gain {@code b / 2} as unigrams, after which the unigrams are renormalised. Probabilities are capped at
 * 0.5, and the backoff weight of every one- and two-word history with a boosted continuation is rescaled by the
 * change of {@code alpha = (1 - explicit mass) / (1 - lower-order mass of those words)}, so that its distribution
 * still sums as before: other words after that history lose the mass the phrases gained.
 * <p>
 * The result is written once per model file, boost and phrase list to a cache directory (by default
 * {@code java.io.tmpdir/tradingedu-lm/}, ~27 MB, about two seconds to build) and reused by every recogniser process;
 * it appears by atomic rename, so concurrent builders in other JVMs are harmless.
 */
final class TradingLanguageModel {

    /** Bump when the biasing changes, so that cached models from an older rule are not reused. */
    private static final int VERSION = 1;
    private static final double CAP = Math.log10(0.5);
    private static final double RARE = Math.log10(1.0 / 3000);
    private static final Map<String, Object> BUILDING = new ConcurrentHashMap<>();

    private TradingLanguageModel() {
    }

    /** The biased model for {@code base}, built on first use and then taken from {@code cacheDir}. */
    static Path biased(Path base, double boost, Path cacheDir) throws IOException {
        Path target = cacheDir.resolve("trading-" + key(base, boost) + ".lm.bin");
        if (Files.isRegularFile(target)) {
            return target;
        }
        // parallel pieces of one transcription (and parallel transcriptions) wait for one build instead of racing
        synchronized (BUILDING.computeIfAbsent(target.toString(), k -> new Object())) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempFile(cacheDir, "building-", ".part");
            try {
                SphinxTrieLm lm = SphinxTrieLm.read(base);
                bias(lm, TradingVocabulary.PHRASES, boost);
                lm.write(partial);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        }
    }

    private static String key(Path base, double boost) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = String.join("\n", base.toAbsolutePath().toString(),
                    Long.toString(Files.size(base)), Files.getLastModifiedTime(base).toString(),
                    String.format(Locale.ROOT, "%.4f", boost), Integer.toString(VERSION),
                    String.join("|", TradingVocabulary.PHRASES));
            return HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Applies the bias in place; returns how many phrase bigrams were added because the model lacked them. */
    static int bias(SphinxTrieLm lm, List<String> phrases, double boost) {
        float b = (float) (boost / SphinxTrieLm.LOG10_OF_BASE);
        float cap = (float) (CAP / SphinxTrieLm.LOG10_OF_BASE);
        Set<Long> pairs = new LinkedHashSet<>();
        Set<Integer> terms = new LinkedHashSet<>();
        for (String phrase : phrases) {
            int[] ids = ids(lm, phrase);
            if (ids == null) {
                continue;
            }
            for (int i = 0; i < ids.length; i++) {
                terms.add(ids[i]);
                if (i > 0) {
                    pairs.add(pair(ids[i - 1], ids[i]));
                }
            }
        }
        Set<Integer> histories = new LinkedHashSet<>();
        pairs.forEach(p -> histories.add(first(p)));
        // trigram histories (x w1) below a boosted bigram (w1 w2), as pair(x, w1)
        Set<Long> trigramHistories = new LinkedHashSet<>();
        for (long p : pairs) {
            int entry = lm.bigram(first(p), second(p));
            if (entry >= 0) {
                for (int t = lm.bigramNext[entry]; t < lm.bigramNext[entry + 1]; t++) {
                    trigramHistories.add(pair(lm.trigramWord[t], first(p)));
                }
            }
        }
        Map<Integer, double[]> bigramMassBefore = bigramMass(lm, histories);
        Map<Long, double[]> trigramMassBefore = trigramMass(lm, trigramHistories);

        float rare = (float) (RARE / SphinxTrieLm.LOG10_OF_BASE);
        for (int w : terms) {
            if (lm.unigramProb[w] < rare) {
                lm.unigramProb[w] += b / 2;
            }
        }
        renormaliseUnigrams(lm);
        int added = 0;
        for (long p : pairs) {
            int w1 = first(p);
            int w2 = second(p);
            int entry = lm.bigram(w1, w2);
            if (entry < 0) {
                float backedOff = lm.unigramBackoff[w1] + lm.unigramProb[w2];
                lm.insertBigram(w1, w2, SphinxTrieLm.encode(lm.bigramProbBins, Math.min(cap, backedOff + b)),
                        SphinxTrieLm.encode(lm.bigramBackoffBins, 0f));
                added++;
                continue;
            }
            lm.bigramProb[entry] = raise(lm.bigramProbBins, lm.bigramProb[entry], b, cap);
            for (int t = lm.bigramNext[entry]; t < lm.bigramNext[entry + 1]; t++) {
                lm.trigramProb[t] = raise(lm.trigramProbBins, lm.trigramProb[t], b, cap);
            }
        }

        Map<Integer, double[]> bigramMassAfter = bigramMass(lm, histories);
        for (int h : histories) {
            lm.unigramBackoff[h] += (float) (backoffShift(bigramMassBefore.get(h), bigramMassAfter.get(h))
                    / SphinxTrieLm.LOG10_OF_BASE);
        }
        Map<Long, double[]> trigramMassAfter = trigramMass(lm, trigramHistories);
        for (long h : trigramHistories) {
            int entry = lm.bigram(first(h), second(h));
            if (entry >= 0) {
                float shifted = lm.bigramBackoffBins[lm.bigramBackoff[entry]] + (float) (backoffShift(
                        trigramMassBefore.get(h), trigramMassAfter.get(h)) / SphinxTrieLm.LOG10_OF_BASE);
                lm.bigramBackoff[entry] = SphinxTrieLm.encode(lm.bigramBackoffBins, shifted);
            }
        }
        return added;
    }

    private static int raise(float[] bins, int code, float boost, float cap) {
        float value = bins[code];
        return value >= cap ? code : SphinxTrieLm.encode(bins, Math.min(cap, value + boost));
    }

    /** Divides every unigram probability by their sum, which the boost pushed above one. */
    private static void renormaliseUnigrams(SphinxTrieLm lm) {
        double sum = 0;
        for (int w = 0; w < lm.unigrams(); w++) {
            sum += prob(lm.unigramProb[w]);
        }
        float shift = (float) (Math.log10(sum) / SphinxTrieLm.LOG10_OF_BASE);
        for (int w = 0; w < lm.unigrams(); w++) {
            if (prob(lm.unigramProb[w]) > 0) {
                lm.unigramProb[w] -= shift;
            }
        }
    }

    /**
     * For each history word: the summed probability of its explicit bigrams, and the summed unigram probability of
     * those continuations (what backing off would give them).
     */
    private static Map<Integer, double[]> bigramMass(SphinxTrieLm lm, Set<Integer> histories) {
        Map<Integer, double[]> mass = new HashMap<>();
        histories.forEach(h -> mass.put(h, new double[2]));
        for (int w = 0; w < lm.unigrams(); w++) {
            for (int e = lm.unigramNext[w]; e < lm.unigramNext[w + 1]; e++) {
                double[] m = mass.get(lm.bigramWord[e]);
                if (m != null) {
                    m[0] += prob(lm.bigramProbBins[lm.bigramProb[e]]);
                    m[1] += prob(lm.unigramProb[w]);
                }
            }
        }
        return mass;
    }

    /** The same for two-word histories {@code (x, w1)}: explicit trigrams {@code x w1 w} against bigrams {@code w1 w}. */
    private static Map<Long, double[]> trigramMass(SphinxTrieLm lm, Set<Long> histories) {
        Map<Long, double[]> mass = new HashMap<>();
        histories.forEach(h -> mass.put(h, new double[2]));
        Map<Integer, List<Integer>> byMiddle = new HashMap<>();
        histories.forEach(h -> byMiddle.computeIfAbsent(second(h), k -> new ArrayList<>()).add(first(h)));
        for (int w = 0; w < lm.unigrams(); w++) {
            for (int e = lm.unigramNext[w]; e < lm.unigramNext[w + 1]; e++) {
                List<Integer> earliest = byMiddle.get(lm.bigramWord[e]);
                if (earliest == null) {
                    continue;
                }
                for (int x : earliest) {
                    int t = java.util.Arrays.binarySearch(lm.trigramWord, lm.bigramNext[e], lm.bigramNext[e + 1], x);
                    if (t >= 0) {
                        double[] m = mass.get(pair(x, lm.bigramWord[e]));
                        m[0] += prob(lm.trigramProbBins[lm.trigramProb[t]]);
                        m[1] += prob(lm.bigramProbBins[lm.bigramProb[e]]);
                    }
                }
            }
        }
        return mass;
    }

    /** log10 change of {@code alpha = (1 - explicit) / (1 - lower order)} between two states of a history. */
    private static double backoffShift(double[] before, double[] after) {
        double floor = 1e-4;
        return Math.log10(Math.max(floor, 1 - after[0]) / Math.max(floor, 1 - before[0]))
                - Math.log10(Math.max(floor, 1 - after[1]) / Math.max(floor, 1 - before[1]));
    }

    private static double prob(float stored) {
        return Math.pow(10, stored * SphinxTrieLm.LOG10_OF_BASE);
    }

    private static int[] ids(SphinxTrieLm lm, String phrase) {
        String[] words = phrase.strip().split("\\s+");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = lm.id(words[i]);
            if (ids[i] < 0) {
                return null;
            }
        }
        return ids;
    }

    private static long pair(int earlier, int later) {
        return ((long) earlier << 32) | (later & 0xffffffffL);
    }

    private static int first(long pair) {
        return (int) (pair >>> 32);
    }

    private static int second(long pair) {
        return (int) pair;
    }
}
