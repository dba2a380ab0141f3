package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts long audio into pieces of about the target length for parallel recognition. Each cut lies at the quietest
 * moment within ±20 % of the target, usually a pause between sentences, so no word is split and no overlap needs
 * de-duplicating.
 */
final class AudioChunker {

    /** Loudness is measured over frames of this length; shorter than a pause between sentences. */
    static final double FRAME_SECONDS = 0.1;

    record Span(double start, double end) {

        double seconds() {
            return end - start;
        }
    }

    private AudioChunker() {
    }

    /** @param frameRms loudness per {@link #FRAME_SECONDS} frame of the whole audio */
    static List<Span> spans(double[] frameRms, double totalSeconds, double chunkSeconds) {
        List<Span> spans = new ArrayList<>();
        double position = 0;
        while (totalSeconds - position > chunkSeconds * 1.2) {
            int from = (int) Math.floor((position + chunkSeconds * 0.8) / FRAME_SECONDS);
            int to = Math.min(frameRms.length - 1, (int) Math.ceil((position + chunkSeconds * 1.2) / FRAME_SECONDS));
            int target = (int) Math.round((position + chunkSeconds) / FRAME_SECONDS);
            int best = Math.clamp(target, from, Math.max(from, to));
            for (int f = from; f <= to; f++) {
                // quieter wins; among equally quiet frames the one nearer the target
                if (frameRms[f] < frameRms[best]
                        || (frameRms[f] == frameRms[best] && Math.abs(f - target) < Math.abs(best - target))) {
                    best = f;
                }
            }
            // to the millisecond, so that pieces start where the previous one ended, without floating-point dust
            double cut = Math.round((best + 0.5) * FRAME_SECONDS * 1000) / 1000.0;
            spans.add(new Span(position, cut));
            position = cut;
        }
        spans.add(new Span(position, totalSeconds));
        return spans;
    }
}
