package io.tradingedu.orchestrator.clips;

import io.tradingedu.orchestrator.media.MediaDirectories;
import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import io.tradingedu.shared.pipeline.ClipsGenerated;
import io.tradingedu.shared.pipeline.GenerateClips;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stage 4: highlight clips around the keyword hits, cut with ffmpeg, with a thumbnail and the words spoken. */
@Component
@WorkerRole
class GenerateClipsWorker {

    static final String CONSUMER = "generate-clips-worker";
    private static final int EXCERPT_CHARS = 600;

    private final MediaStageRunner runner;
    private final ClipInputs inputs;
    private final ClipPlanner planner;
    private final ClipCutter cutter;
    private final ClipStore store;
    private final Clock clock;

    GenerateClipsWorker(MediaStageRunner runner, ClipInputs inputs, ClipPlanner planner, ClipCutter cutter,
                        ClipStore store, Clock clock) {
        this.runner = runner;
        this.inputs = inputs;
        this.planner = planner;
        this.cutter = cutter;
        this.store = store;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).GENERATE_CLIPS.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof GenerateClips command) {
            runner.submit(CONSUMER, CONSUMER, command, this::generate);
        }
    }

    private Reply generate(GenerateClips command, StageJob job) throws IOException, InterruptedException {
        ClipInputs.Loaded loaded = inputs.load(command.mediaId()).orElse(null);
        if (loaded == null) {
            return Reply.of(StageFailed.of(command, "no stage 2 results stored for this media item: "
                    + "process-video has to run first", false));
        }
        Transcript transcript = loaded.transcript();
        ClipPlan plan = planner.plan(loaded.hits(), loaded.durationSeconds());
        Path dir = MediaDirectories.forAttempt(command.mediaPath(), "clips", command.eventId());
        ClipBatch batch;
        try {
            batch = cutter.cutAll(Path.of(command.mediaPath()), plan.clips(), dir, job.checkpoint(), job.progress());
        } catch (IOException | RuntimeException | InterruptedException e) {
            MediaDirectories.discard(dir);
            throw e;
        }
        List<ClipStore.StoredClip> clips = batch.clips().stream()
                .map(c -> new ClipStore.StoredClip(c.plan(), c.clip(), excerpt(transcript, c.plan()))).toList();
        double total = clips.stream().mapToDouble(c -> c.cut().durationSeconds()).sum();
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(batch.notes());
        return new Reply(ClipsGenerated.of(command, clips.size(), total, notes), () -> {
            store.replace(command.mediaId(), clips, clock.instant());
            MediaDirectories.keepOnlyAfterCommit(command.mediaPath(), "clips", command.eventId());
        });
    }

    /** The words spoken during the clip, from the segments that overlap it. */
    private static String excerpt(Transcript transcript, PlannedClip clip) {
        String text = transcript.segments().stream()
                .filter(s -> s.end() > clip.start() && s.start() < clip.end())
                .map(TranscriptSegment::text).collect(Collectors.joining(" ")).strip();
        if (text.length() <= EXCERPT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT_CHARS);
        return text.substring(0, cut > 0 ? cut : EXCERPT_CHARS) + " …";
    }
}
