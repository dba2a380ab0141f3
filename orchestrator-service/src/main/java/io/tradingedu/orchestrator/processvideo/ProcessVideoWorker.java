package io.tradingedu.orchestrator.processvideo;

import io.tradingedu.orchestrator.media.MediaDirectories;
import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.orchestrator.processvideo.frames.FrameOcr;
import io.tradingedu.orchestrator.processvideo.frames.FrameReader;
import io.tradingedu.orchestrator.processvideo.frames.FrameSampler;
import io.tradingedu.orchestrator.processvideo.frames.SampledFrame;
import io.tradingedu.orchestrator.processvideo.transcript.Transcriber;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.ProcessVideo;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.VideoProcessed;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage 2: the transcript from the best source available (subtitles, a Whisper server, pocketsphinx), normalised for
 * trading language, and keyframes with the text on them. Missing audio or unreadable frames leave that part empty
 * with a note; the stage still succeeds with what it found.
 */
@Component
@WorkerRole
class ProcessVideoWorker {

    private static final Logger log = LoggerFactory.getLogger(ProcessVideoWorker.class);
    static final String CONSUMER = "process-video-worker";
    private static final String FRAMES = "frames";

    private final MediaStageRunner runner;
    private final Transcriber transcriber;
    private final FrameSampler sampler;
    private final FrameReader reader;
    private final ProcessVideoStores stores;

    ProcessVideoWorker(MediaStageRunner runner, Transcriber transcriber, FrameSampler sampler, FrameReader reader,
                       ProcessVideoStores stores) {
        this.runner = runner;
        this.transcriber = transcriber;
        this.sampler = sampler;
        this.reader = reader;
        this.stores = stores;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).PROCESS_VIDEO.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof ProcessVideo command) {
            runner.submit(CONSUMER, CONSUMER, command, this::process);
        }
    }

    private Reply process(ProcessVideo command, StageJob job) throws IOException, InterruptedException {
        if (command.probe() == null) {
            return Reply.of(StageFailed.of(command, "stage 1 (validate) has not probed this video; run it first",
                    false));
        }
        Path video = Path.of(command.mediaPath());
        job.progress().progress("transcribing");
        Transcript transcript = TranscriptNormalisation.apply(
                transcriber.transcribe(video, command.probe(), job.progress(), job.checkpoint()));
        List<String> notes = new ArrayList<>(transcript.notes());
        Path frameDir = MediaDirectories.forAttempt(command.mediaPath(), FRAMES, command.eventId());
        List<FrameStore.StoredFrame> frames = frames(command, frameDir, job, notes);
        int withText = (int) frames.stream().filter(FrameStore.StoredFrame::tradingText).count();
        VideoProcessed outcome = VideoProcessed.of(command, transcript.source(), transcript.segments().size(),
                transcript.wordCount(), frames.size(), withText, notes);
        return new Reply(outcome, () -> {
            stores.replace(command, transcript, frames);
            MediaDirectories.keepOnlyAfterCommit(command.mediaPath(), FRAMES, command.eventId());
        });
    }

    /** Keyframes and their text; a video whose frames cannot be read still has its transcript. */
    private List<FrameStore.StoredFrame> frames(ProcessVideo command, Path dir, StageJob job, List<String> notes)
            throws InterruptedException {
        try {
            job.progress().progress("sampling frames");
            List<SampledFrame> sampled = sampler.sample(Path.of(command.mediaPath()),
                    command.probe().durationSeconds(), dir, job.checkpoint());
            List<FrameOcr> read = reader.read(sampled, job.checkpoint(), job.progress());
            long unreadable = read.stream().filter(o -> o.problem() != null).count();
            if (unreadable > 0) {
                notes.add(unreadable + " frame(s) could not be read by OCR");
            }
            if (read.stream().noneMatch(o -> !o.text().isBlank())) {
                notes.add("no text on screen");
            }
            return read.stream().map(o -> new FrameStore.StoredFrame(UUID.randomUUID(), o.frame().timeSeconds(),
                    o.frame().selection(), o.frame().image().toString(), o.frame().width(), o.frame().height(),
                    o.problem() != null || o.text().isBlank() ? null : o.text(), o.confidence(), o.tradingText()))
                    .toList();
        } catch (IOException e) {
            log.warn("run {}: no frames for media {}: {}", command.runId(), command.mediaId(), e.getMessage());
            MediaDirectories.discard(dir);
            notes.add("no frames: " + e.getMessage());
            return List.of();
        } catch (RuntimeException | InterruptedException e) {
            MediaDirectories.discard(dir);
            throw e;
        }
    }
}
