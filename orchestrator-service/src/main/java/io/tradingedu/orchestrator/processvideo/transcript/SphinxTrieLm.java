package io.tradingedu.orchestrator.processvideo.transcript;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A trigram model in sphinxbase's binary trie format ({@code *.lm.bin}, as written by {@code sphinx_lm_convert}),
 * read into arrays that can be edited and written back in the same format.
 * <p>
 * Why our own reader: Debian's {@code sphinx_lm_convert} aborts when asked to write {@code en-us.lm.bin} as ARPA (its
 * header claims six more bigrams than the trie holds; cmusphinx/pocketsphinx#502), so the usual ARPA round trip is
 * not available. The format (sphinxbase {@code ngram_model_trie.c}, {@code lm_trie.c}, {@code lm_trie_quant.c}):
 * header text, order, counts; a quantiser of 2^16 float bins per table; unigrams as {@code (prob, backoff, next)};
 * then bit-packed arrays of bigrams and trigrams. The trie is keyed by the <em>last</em> word first: a unigram's
 * range of bigram entries holds its predecessors, a bigram's range of trigram entries the words before that.
 * Probabilities and backoffs are natural-log-like values in logmath's base 1.0001.
 */
final class SphinxTrieLm {

    private static final byte[] HEADER = "Trie Language Model".getBytes(StandardCharsets.US_ASCII);
    private static final int QUANT_BITS = 16;
    private static final int BINS = 1 << QUANT_BITS;
    /** log10 of logmath's default base, 1.0001: a stored value times this is a log10 probability. */
    static final double LOG10_OF_BASE = Math.log10(1.0001);

    final String[] words;
    final float[] unigramProb;
    final float[] unigramBackoff;
    /** {@code V + 1} entries: unigram {@code w}'s predecessors are bigram entries {@code [next[w], next[w+1])}. */
    int[] unigramNext;
    /** Bigram entry: the earlier word, quantised probability and backoff, start of its trigram range. */
    int[] bigramWord;
    int[] bigramProb;
    int[] bigramBackoff;
    int[] bigramNext;
    /** Trigram entry: the earliest word and quantised probability. */
    final int[] trigramWord;
    final int[] trigramProb;
    /** Quantiser bins (sorted ascending) for bigram probabilities, bigram backoffs and trigram probabilities. */
    final float[] bigramProbBins;
    final float[] bigramBackoffBins;
    final float[] trigramProbBins;
    private Map<String, Integer> ids;

    private SphinxTrieLm(String[] words, float[] unigramProb, float[] unigramBackoff, int[] unigramNext,
                         int[] bigramWord, int[] bigramProb, int[] bigramBackoff, int[] bigramNext,
                         int[] trigramWord, int[] trigramProb, float[] bigramProbBins, float[] bigramBackoffBins,
                         float[] trigramProbBins) {
        this.words = words;
        this.unigramProb = unigramProb;
        this.unigramBackoff = unigramBackoff;
        this.unigramNext = unigramNext;
        this.bigramWord = bigramWord;
        this.bigramProb = bigramProb;
        this.bigramBackoff = bigramBackoff;
        this.bigramNext = bigramNext;
        this.trigramWord = trigramWord;
        this.trigramProb = trigramProb;
        this.bigramProbBins = bigramProbBins;
        this.bigramBackoffBins = bigramBackoffBins;
        this.trigramProbBins = trigramProbBins;
    }

    static SphinxTrieLm read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = new byte[HEADER.length];
        in.get(header);
        if (!Arrays.equals(header, HEADER)) {
            throw new IOException(file + " is not a sphinxbase trie language model");
        }
        int order = in.get();
        if (order != 3) {
            throw new IOException(file + " has order " + order + "; only trigram models are supported");
        }
        int unigrams = in.getInt();
        int bigramSlots = in.getInt();
        int trigramSlots = in.getInt();
        in.getInt(); // the quantiser's unused leading int
        float[] bigramProbBins = floats(in, BINS);
        float[] bigramBackoffBins = floats(in, BINS);
        float[] trigramProbBins = floats(in, BINS);
        float[] unigramProb = new float[unigrams + 1];
        float[] unigramBackoff = new float[unigrams + 1];
        int[] unigramNext = new int[unigrams + 1];
        for (int w = 0; w <= unigrams; w++) {
            unigramProb[w] = in.getFloat();
            unigramBackoff[w] = in.getFloat();
            unigramNext[w] = in.getInt();
        }
        Layout layout = new Layout(unigrams, bigramSlots, trigramSlots);
        byte[] middle = new byte[layout.middleBytes()];
        in.get(middle);
        byte[] longest = new byte[layout.longestBytes()];
        in.get(longest);
        // the header's counts size the arrays; the trie itself says how many entries are used
        int bigrams = unigramNext[unigrams];
        int[] bigramWord = new int[bigrams];
        int[] bigramProb = new int[bigrams];
        int[] bigramBackoff = new int[bigrams];
        int[] bigramNext = new int[bigrams + 1];
        for (int i = 0; i <= bigrams; i++) {
            long at = (long) i * layout.middleBits;
            if (i < bigrams) {
                bigramWord[i] = (int) Bits.read(middle, at, layout.wordBits);
                bigramBackoff[i] = (int) Bits.read(middle, at + layout.wordBits, QUANT_BITS);
                bigramProb[i] = (int) Bits.read(middle, at + layout.wordBits + QUANT_BITS, QUANT_BITS);
            }
            bigramNext[i] = (int) Bits.read(middle, at + layout.wordBits + 2 * QUANT_BITS, layout.nextBits);
        }
        int trigrams = bigramNext[bigrams];
        int[] trigramWord = new int[trigrams];
        int[] trigramProb = new int[trigrams];
        for (int i = 0; i < trigrams; i++) {
            long at = (long) i * layout.longestBits;
            trigramWord[i] = (int) Bits.read(longest, at, layout.wordBits);
            trigramProb[i] = (int) Bits.read(longest, at + layout.wordBits, QUANT_BITS);
        }
        int length = in.getInt();
        String all = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        String[] words = all.split("\0", -1);
        if (words.length < unigrams) {
            throw new IOException(file + ": " + words.length + " word strings for " + unigrams + " unigrams");
        }
        return new SphinxTrieLm(Arrays.copyOf(words, unigrams), unigramProb, unigramBackoff, unigramNext, bigramWord,
                bigramProb, bigramBackoff, bigramNext, trigramWord, trigramProb, bigramProbBins,
                bigramBackoffBins, trigramProbBins);
    }

    int unigrams() {
        return words.length;
    }

    int bigrams() {
        return bigramWord.length;
    }

    /** The word's id, or -1 when the model does not know it. */
    int id(String word) {
        if (ids == null) {
            ids = new HashMap<>(words.length * 2);
            for (int i = 0; i < words.length; i++) {
                ids.putIfAbsent(words[i], i);
            }
        }
        return ids.getOrDefault(word, -1);
    }

    /** The bigram entry for {@code earlier later}, or -1. Entries under one word are sorted by the earlier word. */
    int bigram(int earlier, int later) {
        int index = Arrays.binarySearch(bigramWord, unigramNext[later], unigramNext[later + 1], earlier);
        return index >= 0 ? index : -1;
    }

    /** Inserts {@code earlier later} (which must be missing) with no trigrams; returns its entry index. */
    int insertBigram(int earlier, int later, int probCode, int backoffCode) {
        int at = -1 - Arrays.binarySearch(bigramWord, unigramNext[later], unigramNext[later + 1], earlier);
        int n = bigrams();
        bigramWord = insert(bigramWord, n, at, earlier);
        bigramProb = insert(bigramProb, n, at, probCode);
        bigramBackoff = insert(bigramBackoff, n, at, backoffCode);
        // an empty trigram range: it starts where the next entry's starts
        bigramNext = insert(bigramNext, n + 1, at, bigramNext[at]);
        for (int w = later + 1; w < unigramNext.length; w++) {
            unigramNext[w]++;
        }
        return at;
    }

    private static int[] insert(int[] array, int length, int at, int value) {
        int[] grown = new int[length + 1];
        System.arraycopy(array, 0, grown, 0, at);
        grown[at] = value;
        System.arraycopy(array, at, grown, at + 1, length - at);
        return grown;
    }

    /** The bin nearest to {@code value}, as sphinxbase's quantiser encodes. */
    static int encode(float[] bins, float value) {
        int above = Arrays.binarySearch(bins, value);
        if (above >= 0) {
            // the first of equal bins, like C++ lower_bound
            while (above > 0 && bins[above - 1] == value) {
                above--;
            }
            return above;
        }
        above = -1 - above;
        if (above == 0) {
            return 0;
        }
        if (above == bins.length) {
            return bins.length - 1;
        }
        return value - bins[above - 1] < bins[above] - value ? above - 1 : above;
    }

    void write(Path file) throws IOException {
        int unigrams = unigrams();
        int bigrams = bigrams();
        int trigrams = trigramWord.length;
        Layout layout = new Layout(unigrams, bigrams, trigrams);
        ByteBuffer head = ByteBuffer.allocate(HEADER.length + 1 + 3 * 4 + 4 + 3 * BINS * 4 + (unigrams + 1) * 12)
                .order(ByteOrder.LITTLE_ENDIAN);
        head.put(HEADER).put((byte) 3).putInt(unigrams).putInt(bigrams).putInt(trigrams).putInt(0);
        for (float[] bins : new float[][] {bigramProbBins, bigramBackoffBins, trigramProbBins}) {
            for (float bin : bins) {
                head.putFloat(bin);
            }
        }
        for (int w = 0; w <= unigrams; w++) {
            head.putFloat(unigramProb[w]).putFloat(unigramBackoff[w]).putInt(unigramNext[w]);
        }
        byte[] middle = new byte[layout.middleBytes()];
        for (int i = 0; i <= bigrams; i++) {
            long at = (long) i * layout.middleBits;
            if (i < bigrams) {
                Bits.write(middle, at, bigramWord[i]);
                Bits.write(middle, at + layout.wordBits, bigramBackoff[i]);
                Bits.write(middle, at + layout.wordBits + QUANT_BITS, bigramProb[i]);
            }
            Bits.write(middle, at + layout.wordBits + 2 * QUANT_BITS, bigramNext[i]);
        }
        byte[] longest = new byte[layout.longestBytes()];
        for (int i = 0; i < trigrams; i++) {
            long at = (long) i * layout.longestBits;
            Bits.write(longest, at, trigramWord[i]);
            Bits.write(longest, at + layout.wordBits, trigramProb[i]);
        }
        byte[] strings = (String.join("\0", words) + "\0").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.array());
            out.write(middle);
            out.write(longest);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(strings.length).array());
            out.write(strings);
        }
    }

    private static float[] floats(ByteBuffer in, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.getFloat();
        }
        return values;
    }

    /** Bit widths and array sizes exactly as {@code lm_trie_alloc_ngram} computes them. */
    private record Layout(int wordBits, int nextBits, int middleBits, int longestBits, int bigramSlots,
                          int trigramSlots) {

        Layout(int unigrams, int bigramSlots, int trigramSlots) {
            this(requiredBits(unigrams), requiredBits(trigramSlots), bigramSlots, trigramSlots);
        }

        private Layout(int wordBits, int nextBits, int bigramSlots, int trigramSlots) {
            this(wordBits, nextBits, wordBits + 2 * QUANT_BITS + nextBits, wordBits + QUANT_BITS, bigramSlots,
                    trigramSlots);
        }

        int middleBytes() {
            return bytes(bigramSlots, middleBits);
        }

        int longestBytes() {
            return bytes(trigramSlots, longestBits);
        }

        /** One extra entry for the final next pointer, rounded up to bytes, plus 8 so that 64-bit reads stay inside. */
        private static int bytes(int entries, int bits) {
            return Math.toIntExact(((1L + entries) * bits + 7) / 8 + 8);
        }

        static int requiredBits(int max) {
            return max == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(max);
        }
    }

    /** Little-endian bit packing as in sphinxbase's {@code bitarr.c} (fields of at most 57 bits). */
    static final class Bits {

        private Bits() {
        }

        static long read(byte[] mem, long bitOffset, int bits) {
            int at = (int) (bitOffset >>> 3);
            long value = 0;
            for (int i = 0; i < 8 && at + i < mem.length; i++) {
                value |= (mem[at + i] & 0xffL) << (8 * i);
            }
            return (value >>> (bitOffset & 7)) & ((1L << bits) - 1);
        }

        static void write(byte[] mem, long bitOffset, long value) {
            int at = (int) (bitOffset >>> 3);
            long shifted = value << (bitOffset & 7);
            for (int i = 0; i < 8 && shifted != 0; i++, shifted >>>= 8) {
                mem[at + i] |= (byte) shifted;
            }
        }
    }
}
