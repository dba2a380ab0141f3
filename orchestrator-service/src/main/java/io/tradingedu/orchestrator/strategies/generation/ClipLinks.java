package io.tradingedu.orchestrator.strategies.generation;

import java.util.List;
import java.util.UUID;

/** Links each piece of evidence to the clips that show it: the clips whose span overlaps the evidence's time. */
final class ClipLinks {

    private ClipLinks() {
    }

    static Candidate link(Candidate candidate, List<LessonReader.ClipSpan> clips) {
        return candidate.withEvidence(candidate.evidence().stream().map(e -> e.startSeconds() == null ? e
                : e.withClips(overlapping(clips, e.startSeconds(), e.endSeconds()))).toList());
    }

    static List<UUID> overlapping(List<LessonReader.ClipSpan> clips, double start, double end) {
        // a single frame (start == end) is inside a clip that contains its moment
        return clips.stream().filter(c -> c.start() <= end && start <= c.end()).map(LessonReader.ClipSpan::id)
                .toList();
    }
}
