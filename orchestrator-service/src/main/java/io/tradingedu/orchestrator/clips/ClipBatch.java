package io.tradingedu.orchestrator.clips;

import java.util.List;

/**
 * What cutting a plan produced: each cut clip beside the planned clip it realises, and notes on the clips that
 * could not be cut.
 */
public record ClipBatch(List<Cut> clips, List<String> notes) {

    public ClipBatch {
        clips = List.copyOf(clips);
        notes = List.copyOf(notes);
    }

    public record Cut(PlannedClip plan, CutClip clip) {
    }
}
