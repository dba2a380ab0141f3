package io.tradingedu.orchestrator.clips;

import java.util.List;

/**
 * What the planner decided for one video.
 *
 * @param clips the clips to cut, in time order
 * @param notes what happened to the hits on the way, for the stage summary ("capped at 12 of 15 windows")
 */
public record ClipPlan(List<PlannedClip> clips, List<String> notes) {

    public ClipPlan {
        clips = List.copyOf(clips);
        notes = List.copyOf(notes);
    }

    public double totalSeconds() {
        return clips.stream().mapToDouble(PlannedClip::duration).sum();
    }
}
