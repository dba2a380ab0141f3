package io.tradingedu.orchestrator.processvideo.audio;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit little-endian mono PCM WAV file as {@link AudioExtractor} writes it: reads its level, measures loudness
 * over short frames (to find quiet places to cut long audio) and copies slices into new WAV files.
 */
public final class PcmWav {

    private final Path file;
    private final int sampleRate;
    private final long dataOffset;
    private final long sampleCount;

    private PcmWav(Path file, int sampleRate, long dataOffset, long sampleCount) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.dataOffset = dataOffset;
        this.sampleCount = sampleCount;
    }

    /** @throws IOException when the file is not a 16-bit mono PCM WAV */
    public static PcmWav open(Path file) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] riff = in.readNBytes(12);
            if (riff.length < 12 || !"RIFF".equals(ascii(riff, 0)) || !"WAVE".equals(ascii(riff, 8))) {
                throw new IOException(file + " is not a WAV file");
            }
            long offset = 12;
            int rate = 0;
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) {
                    throw new IOException(file + " has no data chunk");
                }
                String id = ascii(header, 0);
                long size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                offset += 8;
                if ("fmt ".equals(id)) {
                    ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
                    int format = fmt.getShort(0) & 0xFFFF;
                    int channels = fmt.getShort(2);
                    rate = fmt.getInt(4);
                    int bits = fmt.getShort(14);
                    if ((format != 1 && format != 0xFFFE) || channels != 1 || bits != 16) {
                        throw new IOException(file + " is not 16-bit mono PCM");
                    }
                } else if ("data".equals(id)) {
                    if (rate == 0) {
                        throw new IOException(file + " has its data before its format");
                    }
                    // ffmpeg writing to a pipe leaves the size unknown (0 or 0xFFFFFFFF): trust the file length instead
                    long available = Files.size(file) - offset;
                    long bytes = size == 0 || size == 0xFFFFFFFFL || size > available ? available : size;
                    return new PcmWav(file, rate, offset, bytes / 2);
                } else {
                    in.skipNBytes(size + (size & 1));
                }
                offset += size + (size & 1);
            }
        } catch (EOFException e) {
            throw new IOException(file + " is a truncated WAV file", e);
        }
    }

    public Path file() {
        return file;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public long sampleCount() {
        return sampleCount;
    }

    public double seconds() {
        return (double) sampleCount / sampleRate;
    }

    /** Loudness of the whole file: peak and RMS in dBFS (-inf for digital silence). */
    public record Levels(double peakDb, double rmsDb) {
    }

    public Levels levels() throws IOException {
        int[] peak = {0};
        double[] sumSquares = {0};
        forEachSample((index, sample) -> {
            peak[0] = Math.max(peak[0], Math.abs(sample));
            sumSquares[0] += (double) sample * sample;
        });
        double rms = sampleCount == 0 ? 0 : Math.sqrt(sumSquares[0] / sampleCount);
        return new Levels(db(peak[0]), db(rms));
    }

    /** RMS of each consecutive frame of {@code frameSeconds} (the last one may be shorter), linear 0..32768. */
    public double[] frameRms(double frameSeconds) throws IOException {
        int frame = Math.max(1, (int) Math.round(frameSeconds * sampleRate));
        int frames = (int) ((sampleCount + frame - 1) / frame);
        double[] sums = new double[frames];
        forEachSample((index, sample) -> sums[(int) (index / frame)] += (double) sample * sample);
        for (int i = 0; i < frames; i++) {
            long n = Math.min(frame, sampleCount - (long) i * frame);
            sums[i] = Math.sqrt(sums[i] / n);
        }
        return sums;
    }

    /** Copies the samples between two times into a new WAV file of the same format. */
    public void writeSlice(double fromSeconds, double toSeconds, Path target) throws IOException {
        long from = Math.clamp(Math.round(fromSeconds * sampleRate), 0, sampleCount);
        long to = Math.clamp(Math.round(toSeconds * sampleRate), from, sampleCount);
        long bytes = (to - from) * 2;
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header(sampleRate, bytes));
            long position = dataOffset + from * 2;
            long copied = 0;
            while (copied < bytes) {
                long n = source.transferTo(position + copied, bytes - copied, out);
                if (n <= 0) {
                    throw new EOFException("unexpected end of " + file);
                }
                copied += n;
            }
        }
    }

    /** Writes samples as a 16-bit mono WAV (used for generated audio). */
    public static void write(Path target, short[] samples, int sampleRate) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            data.putShort(s);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(header(sampleRate, data.capacity()).array());
            out.write(data.array());
        }
    }

    private static ByteBuffer header(int sampleRate, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }

    @FunctionalInterface
    private interface SampleConsumer {
        void accept(long index, int sample);
    }

    private void forEachSample(SampleConsumer consumer) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(dataOffset);
            byte[] buffer = new byte[1 << 16];
            long index = 0;
            while (index < sampleCount) {
                int wanted = (int) Math.min(buffer.length, (sampleCount - index) * 2);
                int read = in.readNBytes(buffer, 0, wanted);
                if (read < 2) {
                    break;
                }
                for (int i = 0; i + 1 < read; i += 2) {
                    consumer.accept(index++, (short) ((buffer[i] & 0xFF) | (buffer[i + 1] << 8)));
                }
            }
        }
    }

    private static double db(double linear) {
        return linear <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(linear / 32768.0);
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
